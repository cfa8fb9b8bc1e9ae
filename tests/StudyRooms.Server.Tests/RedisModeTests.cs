using System.Net;
using StudyRooms.Testing;

namespace StudyRooms.Server.Tests;

// Proves the Redis switch: with StudyRooms:Redis set, rooms and boards live in a real Redis (started
// by the test from its binary) under the configured key prefix and survive a restart of the server.
public sealed class RedisModeTests : IAsyncLifetime
{
    private RedisServer _redis = null!;

    public async Task InitializeAsync() => _redis = await RedisServer.StartAsync();

    public async Task DisposeAsync() => await _redis.DisposeAsync();

    [Fact]
    public async Task ARoomAndItsStrokesLiveInRedisAndSurviveARestart()
    {
        var prefix = "test" + Guid.NewGuid().ToString("N")[..8];
        var settings = new Dictionary<string, string?>
        {
            ["StudyRooms:Redis"] = _redis.ConnectionString,
            ["StudyRooms:KeyPrefix"] = prefix,
            ["StudyRooms:ClusterId"] = prefix,
            ["StudyRooms:AdvertisedIp"] = "127.0.0.1",
            ["StudyRooms:Auth:SigningKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
        };
        TestUser ada;
        string roomId;
        string elementId;
        await using (var host = await StudyRoomsHost.StartAsync(settings: settings))
        {
            using var http = host.CreateHttpClient();
            await Poll.UntilAsync(async () => (await http.GetAsync("/ready")).StatusCode == HttpStatusCode.OK, "/ready answers 200 in Redis mode");
            ada = await host.SignInAsync("Ada");
            roomId = (await host.CreateRoomAsync(ada, "Chemistry")).RoomId;
            await using var client = await RoomClient.ConnectAsync(host, ada);
            await client.JoinAsync(roomId);
            var stroke = client.Stroke();
            elementId = stroke.ElementId!;
            await client.PushAsync(roomId, stroke);
        }

        using (var redis = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(_redis.ConnectionString))
        {
            var server = redis.GetServer(redis.GetEndPoints()[0]);
            var keys = server.Keys(pattern: prefix + ":*").Select(k => k.ToString()).ToArray();
            Assert.Contains($"{prefix}:board:{roomId}:ops", keys);
            Assert.Contains(keys, k => k.StartsWith($"{prefix}:state:", StringComparison.Ordinal) && k.Contains(roomId, StringComparison.Ordinal));
        }

        // A fresh data directory: nothing of this room can come from local files.
        await using var restarted = await StudyRoomsHost.StartAsync(settings: settings);
        await using var again = await RoomClient.ConnectAsync(restarted, ada);
        var joined = await again.JoinAsync(roomId);

        Assert.Equal("Chemistry", joined.Room.Name);
        Assert.Equal(elementId, Assert.Single(joined.Board!.Elements).Id);
        Assert.False(File.Exists(Path.Combine(restarted.DataDirectory, "studyrooms.db")));
    }
}
