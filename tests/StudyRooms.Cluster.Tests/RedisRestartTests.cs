using System.Diagnostics;
using StudyRooms.Testing;
using Xunit.Abstractions;

namespace StudyRooms.Cluster.Tests;

// Proves that a server outlives a restart of Redis: /ready answers 503 (and the log says why) while
// Redis is down and 200 again after, and every acknowledged edit Redis wrote to its AOF is still there;
// and that a server asked to stop while Redis is down ends within seconds.
public sealed class RedisRestartTests(ITestOutputHelper output) : IAsyncLifetime
{
    private RestartableRedis _redis = null!;
    private ServerCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _redis = await RestartableRedis.StartAsync();
        _cluster = new ServerCluster(_redis.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task ReadyGoesUnavailableWhileRedisIsDownAndAcknowledgedEditsSurviveItsRestart()
    {
        var a = await _cluster.StartNodeAsync("A");
        var ada = await a.Client.SignInAsync("Ada");
        var roomId = (await a.Client.CreateRoomAsync(ada, "Geography")).RoomId;
        var acked = new AcknowledgedEdits();
        await using (var adaOnA = await RoomClient.ConnectAsync(a.Client, ada))
        {
            await adaOnA.JoinAsync(roomId);
            for (var i = 0; i < 10; i++)
            {
                await acked.PushAsync(adaOnA, roomId);
            }
        }

        await _redis.StopAsync();
        await Poll.UntilAsync(async () => await a.ReadyStatusAsync() == 503, "/ready answers 503 while Redis is down", TimeSpan.FromSeconds(30));
        await Poll.UntilAsync(() => a.Output.Contains("storage unreachable", StringComparison.Ordinal), "the server's log says the storage is unreachable");

        await _redis.StartAgainAsync();
        await Poll.UntilAsync(async () => await a.ReadyStatusAsync() == 200, "/ready answers 200 once Redis is back", TimeSpan.FromSeconds(60));

        var bob = await a.Client.SignInAsync("Bob");
        var (bobOnA, joined) = await Resume.OnAsync(a, bob, roomId, TimeSpan.FromSeconds(30));
        await using var _ = bobOnA;
        acked.AssertAllOn(joined.Board!);
        await acked.PushAsync(bobOnA, roomId);
    }

    [Fact]
    public async Task AServerStoppedWhileRedisIsDownEndsWithinSecondsInsteadOfRetryingForMinutes()
    {
        var a = await _cluster.StartNodeAsync("A");
        await _redis.StopAsync();
        await Poll.UntilAsync(async () => await a.ReadyStatusAsync() == 503, "/ready answers 503 while Redis is down", TimeSpan.FromSeconds(30));

        // Before the shutdown deadline, Orleans kept retrying to write the silo's leaving into the
        // unreachable membership table for about two minutes.
        var sinceTerm = Stopwatch.StartNew();
        await a.TerminateAsync(TimeSpan.FromSeconds(30));
        output.WriteLine($"SIGTERM with Redis down: the process exited after {sinceTerm.Elapsed.TotalSeconds:F1} s with code {a.ExitCode}");

        Assert.Equal(1, a.ExitCode);
        Assert.Contains("Stopping while the storage does not answer", a.Output, StringComparison.Ordinal);
        Assert.Contains("did not finish within its deadline of 5 s", a.Output, StringComparison.Ordinal);
    }
}
