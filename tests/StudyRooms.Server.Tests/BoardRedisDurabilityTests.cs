using Microsoft.AspNetCore.SignalR.Client;
using StudyRooms.Contracts.Boards;
using StudyRooms.Testing;

namespace StudyRooms.Server.Tests;

// Proves "acknowledged means durable" in the Redis mode: every acknowledged edit survives a SIGKILL
// of the server process, read back by a new process from Redis alone (P-OPS-2, P-JOIN-4).
public sealed class BoardRedisDurabilityTests : IAsyncLifetime
{
    private RedisServer _redis = null!;

    public async Task InitializeAsync() => _redis = await RedisServer.StartAsync(appendOnly: true);

    public async Task DisposeAsync() => await _redis.DisposeAsync();

    [Fact]
    public async Task EveryAcknowledgedEditSurvivesASigkillOfTheServerProcessInRedisMode()
    {
        var prefix = "kill" + Guid.NewGuid().ToString("N")[..8];
        var settings = new Dictionary<string, string>
        {
            ["StudyRooms:Redis"] = _redis.ConnectionString,
            ["StudyRooms:KeyPrefix"] = prefix,
            ["StudyRooms:ClusterId"] = prefix,
            ["StudyRooms:AdvertisedIp"] = "127.0.0.1",
            ["StudyRooms:Auth:SigningKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            // Small enough that the run crosses several snapshots, so compaction is part of what is killed.
            ["StudyRooms:Board:SnapshotEveryOps"] = "50",
            ["StudyRooms:Board:OpLogRetention"] = "100",
        };
        TestUser ada;
        string roomId;
        var acknowledged = new List<(string ElementId, long Clock)>();
        await using (var server = await ServerProcess.StartAsync(StudyRoomsHost.NewDataDirectory(), settings))
        {
            ada = await server.Client.SignInAsync("Ada");
            roomId = (await server.Client.CreateRoomAsync(ada)).RoomId;
            await using var client = await RoomClient.ConnectAsync(server.Client, ada);
            await client.JoinAsync(roomId);
            for (var push = 0; push < 40; push++)
            {
                var ops = Enumerable.Range(0, 5).Select(i => client.Stroke(x: push, y: i)).ToArray();
                var result = await client.PushAsync(roomId, ops);
                acknowledged.AddRange(ops.Zip(result.Acks, (op, ack) => (op.ElementId!, ack.Clock)));
            }

            // Kill right after the last acknowledgement: no graceful shutdown, no flush.
            await server.CrashAsync();
        }

        // A new process with a fresh data directory: all it can read comes from Redis. It starts as a
        // new cluster id: with default membership settings a replacement silo waits on the killed
        // silo's membership row for over a minute (membership tuning is OrleansSetup's concern);
        // boards and room state are keyed by KeyPrefix, not by cluster id.
        settings["StudyRooms:ClusterId"] = prefix + "b";
        await using var restarted = await ServerProcess.StartAsync(StudyRoomsHost.NewDataDirectory(), settings);
        await using var again = await RoomClient.ConnectAsync(restarted.Client, ada);
        var board = (await again.JoinAsync(roomId)).Board!;
        await using var resuming = await RoomClient.ConnectAsync(restarted.Client, ada);
        var resume = await resuming.Connection.InvokeAsync<Contracts.Rooms.JoinRoomResult>("JoinRoom", new Contracts.Rooms.JoinRoomRequest
        {
            ProtocolVersion = Contracts.Protocol.ProtocolVersion.Current,
            RoomId = roomId,
            ClientId = resuming.ClientId,
            KnownClock = 150,
        });

        Assert.Equal(200, acknowledged.Count);
        Assert.Equal(acknowledged.Max(a => a.Clock), board.Clock);
        Assert.Equal(
            acknowledged.OrderBy(a => a.ElementId, StringComparer.Ordinal),
            board.Elements.Select(e => (e.Id, e.Version)).OrderBy(e => e.Id, StringComparer.Ordinal));
        // The retained op log came back from Redis too: the last 50 ops resume exactly.
        Assert.Equal(Enumerable.Range(151, 50).Select(c => (long)c), resume.Resume!.Ops.Select(o => o.Clock));
    }
}
