using System.Diagnostics;
using StudyRooms.Testing;
using Xunit.Abstractions;

namespace StudyRooms.Cluster.Tests;

// Proves that a SIGKILL of the server hosting a room's grains loses no acknowledged edit: the cluster
// declares the dead silo dead in under 10 s, its clients rejoin on a survivor and resume from the
// last clock they held (P-JOIN-4: exactly the ops they missed, from the durable op log), and the
// room's grains serve again from the survivor.
public sealed class FailoverTests(ITestOutputHelper output) : IAsyncLifetime
{
    private RedisServer _redis = null!;
    private ServerCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _redis = await RedisServer.StartAsync();
        _cluster = new ServerCluster(_redis.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task ClientsOfASigkilledServerRejoinOnASurvivorWithEveryAcknowledgedEdit()
    {
        // The room is created while A is the only silo, so its grains are activated on A: the one we kill.
        var a = await _cluster.StartNodeAsync("A");
        var ada = await a.Client.SignInAsync("Ada");
        var roomId = (await a.Client.CreateRoomAsync(ada, "Biology")).RoomId;
        var acked = new AcknowledgedEdits();
        var adaOnA = await RoomClient.ConnectAsync(a.Client, ada);
        await adaOnA.JoinAsync(roomId);
        for (var i = 0; i < 20; i++)
        {
            await acked.PushAsync(adaOnA, roomId);
        }

        // The board as Ada's browser holds it; what follows she must get back through the resume.
        var adaKnows = acked.LastClock;
        var b = await _cluster.StartNodeAsync("B");
        await Poll.UntilAsync(_cluster.AllActiveAsync, "A and B are active in one cluster", TimeSpan.FromSeconds(30));
        var bob = await b.Client.SignInAsync("Bob");
        await using var bobOnB = await RoomClient.ConnectAsync(b.Client, bob);
        await bobOnB.JoinAsync(roomId);
        for (var i = 0; i < 10; i++)
        {
            await acked.PushAsync(adaOnA, roomId);
            await acked.PushAsync(bobOnB, roomId);
        }

        // Kill right after the last acknowledgement: no goodbye to the cluster, no flush.
        await a.CrashAsync();
        var sinceKill = Stopwatch.StartNew();
        await adaOnA.DisposeAsync();
        var evicted = Task.Run(async () =>
        {
            await Poll.UntilAsync(() => _cluster.IsDeclaredDeadAsync(a), "the cluster declares A dead", TimeSpan.FromSeconds(30));
            return sinceKill.Elapsed;
        });
        var (adaOnB, joined) = await Resume.OnAsync(b, ada, roomId, TimeSpan.FromSeconds(30), knownClock: adaKnows);
        var served = sinceKill.Elapsed;
        await using var _ = adaOnB;
        var evictedAfter = await evicted;
        output.WriteLine($"SIGKILL of the grains' server: declared dead after {evictedAfter.TotalSeconds:F1} s, room served by the survivor after {served.TotalSeconds:F1} s");

        Assert.Equal("Biology", joined.Room.Name);
        Assert.Null(joined.Board);
        acked.AssertAllResumedAfter(adaKnows, joined.Resume);
        Assert.True(evictedAfter < TimeSpan.FromSeconds(10), $"the dead silo was declared dead after {evictedAfter}, target is under 10 s");

        // The room goes on: an edit through the survivor reaches the client that never left it.
        var after = adaOnB.Stroke();
        await adaOnB.PushAsync(roomId, after);
        await Poll.UntilAsync(() => bobOnB.OpsApplied.Any(e => e.Ops.Any(op => op.ElementId == after.ElementId)), "Bob sees Ada's first edit after the failover");
    }
}
