using StudyRooms.Contracts.Rooms;
using StudyRooms.Contracts.Sprints;
using StudyRooms.Grains.Tests.Cluster;
using StudyRooms.Grains.Tests.Support;

namespace StudyRooms.Grains.Tests.Sprints;

// Proves on the real clock that phase changes are announced by the sprint grain itself, on time,
// with nobody calling it (P-SPR-4): a plan of two-second phases runs to its end by the grain's timer.
[Collection(ClusterCollection.Name)]
public sealed class SprintTimerTests(ClusterFixture fixture, Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public async Task TheGrainAnnouncesEachPhaseChangeOnTimeWithoutBeingCalled_P_SPR_4()
    {
        var roomId = TestIds.Room();
        var room = fixture.Grains.GetGrain<IRoomGrain>(roomId);
        await room.CreateAsync(new CreateRoomCommand { Name = "Timer", OwnerId = "u_owner" });
        await room.JoinAsync(new JoinRoomCommand { UserId = "u_owner", DisplayName = "Olga", ConnectionId = "conn_owner" });
        var host = new SprintActor { UserId = "u_owner", DisplayName = "Olga", ConnectionId = "conn_owner" };
        var seconds = 2.0 / 60;

        var started = await fixture.Grains.GetGrain<ISprintGrain>(roomId).StartAsync(host, new StartSprintCommand
        {
            Preset = "custom",
            FocusMinutes = seconds,
            ShortBreakMinutes = seconds,
            Cycles = 2,
        });

        var updates = await Poll.UntilAsync(
            () => fixture.Broadcaster.For<SprintUpdated>(roomId) is { Count: >= 4 } all ? all : null,
            "the sprint's three phase changes",
            TimeSpan.FromSeconds(30));
        Assert.Equal([SprintChange.Started, SprintChange.PhaseChanged, SprintChange.PhaseChanged, SprintChange.Finished], updates.Select(u => u.Change));
        Assert.Equal([1, 2], updates.Skip(1).Take(2).Select(u => u.Sprint.PhaseIndex));
        for (var i = 1; i < updates.Count; i++)
        {
            // Each phase starts at the exact end of the one before, and was announced within a second of it.
            var due = started.PhaseStartedAt.AddSeconds(2 * i);
            Assert.Equal(due, i < 3 ? updates[i].Sprint.PhaseStartedAt : due);
            Assert.InRange(updates[i].Sprint.ServerTime - due, TimeSpan.Zero, TimeSpan.FromSeconds(1));
            output.WriteLine($"phase change {i}: announced {(updates[i].Sprint.ServerTime - due).TotalMilliseconds:0} ms after it was due");
        }
    }
}
