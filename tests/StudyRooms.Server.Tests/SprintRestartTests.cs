using Microsoft.AspNetCore.SignalR.Client;
using StudyRooms.Contracts.Sprints;
using StudyRooms.Testing;

namespace StudyRooms.Server.Tests;

// A sprint survives a restart of the server mid-phase: the restarted server answers the same sprint,
// in the same phase, from the same anchor, so every client's countdown goes on unchanged (P-SPR-3).
public sealed class SprintRestartTests
{
    [Fact]
    public async Task ARestartedServerContinuesTheSprintFromTheSameAnchor_P_SPR_3()
    {
        var dataDirectory = StudyRoomsHost.NewDataDirectory();
        SprintSnapshot started;
        string roomId;
        TestUser owner;
        await using (var host = await StudyRoomsHost.StartAsync(dataDirectory))
        {
            owner = await host.SignInAsync("Olga");
            roomId = (await host.CreateRoomAsync(owner)).RoomId;
            await using var client = await RoomClient.ConnectAsync(host, owner);
            await client.JoinAsync(roomId);
            started = await client.Connection.InvokeAsync<SprintSnapshot>("StartSprint", new StartSprintRequest { RoomId = roomId, Preset = "25/5", Goal = "Chapter 4" });
        }

        await using var restarted = await StudyRoomsHost.StartAsync(dataDirectory);
        await using var again = await RoomClient.ConnectAsync(restarted, owner);
        await again.JoinAsync(roomId);
        var after = await again.Connection.InvokeAsync<SprintSnapshot>("GetSprint", new SprintRequest { RoomId = roomId });

        Assert.Equal(
            (started.SprintId, started.Status, started.PhaseIndex, started.PhaseStartedAt, started.PhaseDurationMs),
            (after.SprintId, after.Status, after.PhaseIndex, after.PhaseStartedAt, after.PhaseDurationMs));
        Assert.Equal("Chapter 4", after.Participants.Single().Goal);
        Assert.True(after.ServerTime > started.ServerTime);
    }
}
