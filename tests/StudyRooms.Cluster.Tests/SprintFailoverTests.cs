using System.Diagnostics;
using Microsoft.AspNetCore.SignalR.Client;
using StudyRooms.Contracts.Sprints;
using StudyRooms.Testing;
using Xunit.Abstractions;

namespace StudyRooms.Cluster.Tests;

// Proves that a sprint survives a failover (P-SPR-3, P-SPR-4): when the server hosting the sprint
// grain is SIGKILLed mid-phase, its grain timer dies with it, yet the survivor announces the next
// phase change to the room on time, from the same anchors, because the durable reminder in Redis
// moves to the survivor with the dead silo's share of the reminder ring and wakes the grain there.
public sealed class SprintFailoverTests(ITestOutputHelper output)
{
    [Fact]
    public async Task ThePhaseChangeAfterASigkillIsAnnouncedByTheSurvivorOnTime()
    {
        // Ada starts the sprint through A, which hosts the room's grains: the one we kill.
        // Plans of seconds, so the phase change falls shortly after the failover.
        await using var servers = await TwoServerRoom.OpenAsync(settings: new Dictionary<string, string> { ["StudyRooms:Sprints:MinimumPhase"] = "00:00:01" });
        var (a, roomId, adaOnA, bobOnB) = (servers.A, servers.RoomId, servers.AdaOnA, servers.BobOnB);
        var started = await adaOnA.Connection.InvokeAsync<SprintSnapshot>("StartSprint", new StartSprintRequest
        {
            RoomId = roomId,
            Preset = "custom",
            FocusMinutes = 0.75,
            ShortBreakMinutes = 0.5,
            Cycles = 2,
        });
        await Poll.UntilAsync(() => bobOnB.SprintUpdated.Any(e => e.Sprint.SprintId == started.SprintId), "Bob on B sees the sprint start");

        await a.CrashAsync();
        var sinceKill = Stopwatch.StartNew();
        await adaOnA.DisposeAsync();
        await Poll.UntilAsync(() => servers.Cluster.IsDeclaredDeadAsync(a), "the cluster declares A dead", TimeSpan.FromSeconds(30));
        var deadAfter = sinceKill.Elapsed;
        var takenOverAt = DateTimeOffset.UtcNow;

        var due = started.PhaseStartedAt.AddSeconds(45);
        await Poll.UntilAsync(
            () => bobOnB.SprintUpdated.Any(e => e.Sprint.SprintId == started.SprintId && e.Change == SprintChange.PhaseChanged),
            "the survivor announces the end of the focus block",
            TimeSpan.FromSeconds(120));
        var heardAt = DateTimeOffset.UtcNow;
        var changed = bobOnB.SprintUpdated.First(e => e.Sprint.SprintId == started.SprintId && e.Change == SprintChange.PhaseChanged).Sprint;
        var late = changed.ServerTime - due;
        output.WriteLine($"A declared dead {deadAfter.TotalSeconds:F1} s after the SIGKILL, {(due - takenOverAt).TotalSeconds:F1} s before the phase end; the survivor announced it {late.TotalMilliseconds:0} ms after it was due (Bob heard it {(heardAt - due).TotalMilliseconds:0} ms after, poll included)");

        Assert.Equal((1, SprintPhaseKind.ShortBreak, due), (changed.PhaseIndex, changed.PhaseKind, changed.PhaseStartedAt));
        // Taken over before the end: on time, give or take the grain's activation on the survivor from
        // Redis (measured 1.9 s on the shared 2-core machine at a load of 30). After it: at the
        // reminder's next one-minute tick at the latest.
        Assert.InRange(late, TimeSpan.Zero, takenOverAt < due ? TimeSpan.FromSeconds(5) : TimeSpan.FromSeconds(61));
    }
}
