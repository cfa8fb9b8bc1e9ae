using System.Diagnostics;
using StackExchange.Redis;
using StudyRooms.Testing;

namespace StudyRooms.Cluster.Tests;

// Proves the Redis-mode backup and restore of docs/operations.md ("Backups"): `redis-cli --rdb` takes a
// point-in-time copy from the running Redis while a server keeps writing; a fresh Redis started from
// that file (AOF off for the load, then `CONFIG SET appendonly yes`, the dead servers' membership
// rows and grain directory entries deleted)
// serves the same deployment with every edit and message acknowledged before the backup began.
public sealed class RedisBackupTests : IAsyncLifetime
{
    private RedisServer _redis = null!;
    private RedisServer? _restoredRedis;
    private ServerCluster _cluster = null!;
    private ServerCluster? _restored;

    public async Task InitializeAsync()
    {
        _redis = await RedisServer.StartAsync();
        _cluster = new ServerCluster(_redis.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        if (_restored is not null)
        {
            await _restored.DisposeAsync();
        }

        await _cluster.DisposeAsync();
        if (_restoredRedis is not null)
        {
            await _restoredRedis.DisposeAsync();
        }

        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task AnRdbTakenWhileTheServerWritesRestoresEverythingAcknowledgedBeforeIt()
    {
        var a = await _cluster.StartNodeAsync("A");
        var ada = await a.Client.SignInAsync("Ada");
        var roomId = (await a.Client.CreateRoomAsync(ada, "Oceanography")).RoomId;
        var acked = new AcknowledgedEdits();
        long messageSeq;
        var backup = Path.Combine(_redis.Directory, "backup.rdb");
        await using (var adaOnA = await RoomClient.ConnectAsync(a.Client, ada))
        {
            await adaOnA.JoinAsync(roomId);
            for (var i = 0; i < 15; i++)
            {
                await acked.PushAsync(adaOnA, roomId);
            }

            messageSeq = (await adaOnA.PostAsync(roomId, "Tides: read chapter 3")).Seq;

            // Edits keep coming while the backup is taken; only those acknowledged before it must come back.
            var beforeBackup = new AcknowledgedEdits();
            beforeBackup.CopyFrom(acked);
            using var stop = new CancellationTokenSource();
            var writer = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    await acked.PushAsync(adaOnA, roomId);
                    await Task.Delay(25);
                }
            });
            var (exitCode, output) = await RunAsync(RedisServer.CliPath, "-h", "127.0.0.1", "-p", _redis.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--rdb", backup);
            stop.Cancel();
            await writer;
            Assert.True(exitCode == 0, $"redis-cli --rdb exited with {exitCode}: {output}");
            acked = beforeBackup;
        }

        await a.CrashAsync();

        // Restore: a new Redis from the file, AOF back on, the dead deployment's runtime state gone.
        _restoredRedis = await RedisServer.StartAsync(restoreFrom: backup);
        await using (var redis = await ConnectionMultiplexer.ConnectAsync(_restoredRedis.ConnectionString + ",allowAdmin=true"))
        {
            var server = redis.GetServer(redis.GetEndPoints().Single());
            await server.ConfigSetAsync("appendonly", "yes");
            // Membership and the grain directory are the dead servers' runtime state: the new servers rebuild them.
            var runtime = new List<RedisKey> { $"{_cluster.Prefix}/members/{_cluster.Prefix}" };
            await foreach (var key in server.KeysAsync(pattern: $"{_cluster.Prefix}/directory/*"))
            {
                runtime.Add(key);
            }

            var keys = string.Join(", ", server.Keys(pattern: "*").Select(k => k.ToString()));
            Assert.True(runtime.Count > 1, $"the backup holds grain directory entries under {_cluster.Prefix}/directory/: {keys}");
            Assert.Equal(runtime.Count, await redis.GetDatabase().KeyDeleteAsync(runtime.ToArray()));
        }

        _restored = _cluster.MovedTo(_restoredRedis.ConnectionString);
        var b = await _restored.StartNodeAsync("B");
        // Ada's token works on the restored deployment: same signing key, same user.
        var (adaOnB, joined) = await Resume.OnAsync(b, ada, roomId, TimeSpan.FromSeconds(60));
        await using var _ = adaOnB;
        var messages = await adaOnB.LoadMessagesAsync(roomId);

        Assert.Equal("Oceanography", joined.Room.Name);
        acked.AssertAllOn(joined.Board!);
        Assert.Contains(messages.Messages, m => m.Seq == messageSeq && m.Text == "Tides: read chapter 3");
        await acked.PushAsync(adaOnB, roomId);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
