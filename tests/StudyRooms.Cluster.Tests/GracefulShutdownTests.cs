using System.Diagnostics;
using StudyRooms.Testing;
using Xunit.Abstractions;

namespace StudyRooms.Cluster.Tests;

// Proves that a SIGTERM (rolling deploy) of the server hosting a room's grains loses no acknowledged
// edit and no broadcast to a client that stays connected: the server leaves the cluster on its own,
// and its clients rejoin on a survivor with the full board.
public sealed class GracefulShutdownTests(ITestOutputHelper output) : IAsyncLifetime
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
    public async Task ASigtermedServerLosesNoAcknowledgedEditWhileItsClientKeepsPushing()
    {
        var a = await _cluster.StartNodeAsync("A");
        var ada = await a.Client.SignInAsync("Ada");
        var roomId = (await a.Client.CreateRoomAsync(ada, "History")).RoomId;
        var acked = new AcknowledgedEdits();
        await using var adaOnA = await RoomClient.ConnectAsync(a.Client, ada);
        await adaOnA.JoinAsync(roomId);
        await acked.PushAsync(adaOnA, roomId);
        var b = await _cluster.StartNodeAsync("B");
        await Poll.UntilAsync(_cluster.AllActiveAsync, "A and B are active in one cluster", TimeSpan.FromSeconds(30));
        var bob = await b.Client.SignInAsync("Bob");
        await using var bobOnB = await RoomClient.ConnectAsync(b.Client, bob);
        await bobOnB.JoinAsync(roomId);
        var ackedBeforeBobJoined = acked.Count;

        // Ada pushes without pause until her server goes away under her.
        using var stopPushing = new CancellationTokenSource();
        var pushing = Task.Run(async () =>
        {
            while (!stopPushing.IsCancellationRequested)
            {
                try
                {
                    using var attempt = CancellationTokenSource.CreateLinkedTokenSource(stopPushing.Token);
                    attempt.CancelAfter(TimeSpan.FromSeconds(10));
                    await acked.PushAsync(adaOnA, roomId, attempt.Token);
                }
                catch (Exception)
                {
                    return; // Refused, cancelled or disconnected: not acknowledged, so not counted.
                }
            }
        });
        await Poll.UntilAsync(() => acked.Count >= 20, "Ada has 20 acknowledged edits");
        var sinceTerm = Stopwatch.StartNew();
        await a.TerminateAsync(TimeSpan.FromSeconds(60));
        var exitedAfter = sinceTerm.Elapsed;
        stopPushing.Cancel();
        await pushing;

        var leftCluster = await _cluster.IsDeclaredDeadAsync(a);
        var (adaOnB, joined) = await Resume.OnAsync(b, ada, roomId, TimeSpan.FromSeconds(30));
        var servedAfter = sinceTerm.Elapsed;
        await using var _ = adaOnB;
        output.WriteLine($"SIGTERM of the grains' server: {acked.Count} edits acknowledged, process exited after {exitedAfter.TotalSeconds:F1} s, room served by the survivor after {servedAfter.TotalSeconds:F1} s");

        Assert.True(leftCluster, "a server stopped with SIGTERM marks itself dead in the membership table before it exits");
        Assert.Equal(0, a.ExitCode); // a stop that finishes is not cut short by the shutdown deadline
        acked.AssertAllOn(joined.Board!);
        var broadcastToBob = acked.ElementIds.Skip(ackedBeforeBobJoined).ToArray();
        string[] Missed() => broadcastToBob.Except(bobOnB.OpsApplied.SelectMany(e => e.Ops).Select(op => op.ElementId)).ToArray();
        await Poll.UntilAsync(
            () => Missed().Length == 0,
            $"Bob, who stayed connected, received every edit acknowledged after he joined (missed {Missed().Length} of {broadcastToBob.Length})");
    }
}
