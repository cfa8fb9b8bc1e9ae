using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using StudyRooms.Contracts.Sprints;
using StudyRooms.Contracts.Stats;
using StudyRooms.Grains.Sprints;
using StudyRooms.Testing;

namespace StudyRooms.Server.Tests;

// Proves the fairness rule end to end (docs/sprints.md "Fairness", docs/stats.md S-FAIR-1): over real
// sockets, with the sprint's clock faked, a participant whose socket closes mid-block is credited
// only the minutes before it closed, one who stays connected without any input for a whole block
// gets nothing for it, and one present and active throughout gets every minute; the room
// leaderboard and each user's stats show exactly what the server recorded.
public sealed class SprintFairnessTests
{
    [Fact]
    public async Task ADisconnectedOrIdleParticipantIsCreditedOnlyTheMinutesTheyWereThere_P_SPR_11_S_FAIR_1()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(-1));
        await using var host = await StudyRoomsHost.StartAsync(dataDirectory: null, settings: null, services =>
            services.Configure<SprintOptions>(o => o.Clock = clock));
        var olga = await host.SignInAsync("Olga");
        var max = await host.SignInAsync("Max");
        var ivy = await host.SignInAsync("Ivy");
        var roomId = (await host.CreateRoomAsync(olga)).RoomId;
        await using var olgaClient = await RoomClient.ConnectAsync(host, olga);
        var maxClient = await RoomClient.ConnectAsync(host, max);
        await using var ivyClient = await RoomClient.ConnectAsync(host, ivy);
        foreach (var client in new[] { olgaClient, maxClient, ivyClient })
        {
            await client.JoinAsync(roomId);
        }

        await olgaClient.Connection.InvokeAsync<SprintSnapshot>("StartSprint", new StartSprintRequest { RoomId = roomId, Preset = "25/5", Cycles = 2 });
        await maxClient.Connection.InvokeAsync<SprintSnapshot>("JoinSprint", new SprintGoalRequest { RoomId = roomId, Goal = "Flashcards" });
        await ivyClient.Connection.InvokeAsync<SprintSnapshot>("JoinSprint", new SprintGoalRequest { RoomId = roomId, Goal = "Essay" });

        // Block 1 (minutes 0-25): everyone active; Max's socket closes after minute 10.
        await MinutesAsync(10, (olgaClient, true), (maxClient, true), (ivyClient, true));
        await maxClient.DisposeAsync();
        await Poll.UntilAsync(
            async () => !(await SprintAsync(olgaClient, roomId)).Participants.Single(p => p.UserId == max.UserId).Connected,
            "the server saw Max's socket close");
        await MinutesAsync(15, (olgaClient, true), (ivyClient, true));

        // The break (25-30) and block 2 (30-55): Ivy stays connected but gives no input at all.
        await MinutesAsync(30, (olgaClient, true), (ivyClient, false));
        var finished = await SprintAsync(olgaClient, roomId);
        Assert.Equal(SprintStatus.Finished, finished.Status);

        using var http = host.CreateHttpClient(olga);
        var board = await http.GetFromJsonAsync<RoomLeaderboard>($"/api/rooms/{roomId}/leaderboard?period=all", ServerClient.Json);
        Assert.Equal([("Olga", 50), ("Ivy", 25), ("Max", 10)], board!.Entries.Select(e => (e.DisplayName, e.FocusMinutes)));
        Assert.Equal((50, 2, 1), await FiguresAsync(host, olga));
        Assert.Equal((25, 1, 0), await FiguresAsync(host, ivy)); // nothing for the idle block, so not the sprint either
        Assert.Equal((10, 1, 0), await FiguresAsync(host, max));

        async Task MinutesAsync(int minutes, params (RoomClient Client, bool Active)[] beating)
        {
            for (var i = 0; i < minutes; i++)
            {
                clock.Advance(TimeSpan.FromMinutes(1));
                foreach (var (client, active) in beating)
                {
                    await client.Connection.InvokeAsync("SprintHeartbeat", new SprintHeartbeatRequest { RoomId = roomId, Active = active });
                }
            }
        }
    }

    private static Task<SprintSnapshot> SprintAsync(RoomClient client, string roomId) =>
        client.Connection.InvokeAsync<SprintSnapshot>("GetSprint", new SprintRequest { RoomId = roomId });

    /// <summary>Total focus minutes, credited blocks and sprints completed, as the user's own stats say.</summary>
    private static async Task<(int Minutes, int Blocks, int Sprints)> FiguresAsync(StudyRoomsHost host, TestUser user)
    {
        using var http = host.CreateHttpClient(user);
        var stats = await http.GetFromJsonAsync<JsonElement>("/api/me/stats?tz=UTC");
        return (stats.GetProperty("totalFocusMinutes").GetInt32(), stats.GetProperty("focusBlocks").GetInt32(), stats.GetProperty("sprintsCompleted").GetInt32());
    }
}
