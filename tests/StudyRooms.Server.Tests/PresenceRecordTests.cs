using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Core.Internal;
using StackExchange.Redis;
using StudyRooms.Contracts.Help;
using StudyRooms.Contracts.Rooms;
using StudyRooms.Testing;

namespace StudyRooms.Server.Tests;

// Proves the presence heartbeat record in Redis mode through the real hub (P-PRES-2): a join writes
// the connection's key with a TTL, the server's heartbeat renews it, a leave removes it, and a room
// activation that starts again seats the users of the live keys instead of starting empty.
public sealed class PresenceRecordTests : IAsyncLifetime
{
    private static readonly TimeSpan Expiry = TimeSpan.FromSeconds(1.5);

    private readonly string _prefix = "pres" + Guid.NewGuid().ToString("N")[..8];
    private RedisServer _redis = null!;
    private ConnectionMultiplexer _connection = null!;
    private StudyRoomsHost _host = null!;

    private IDatabase Db => _connection.GetDatabase();

    public async Task InitializeAsync()
    {
        _redis = await RedisServer.StartAsync(appendOnly: false);
        _connection = await ConnectionMultiplexer.ConnectAsync(_redis.ConnectionString);
        _host = await StudyRoomsHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["StudyRooms:Redis"] = _redis.ConnectionString,
            ["StudyRooms:KeyPrefix"] = _prefix,
            ["StudyRooms:ClusterId"] = _prefix,
            ["StudyRooms:AdvertisedIp"] = "127.0.0.1",
            ["StudyRooms:Auth:SigningKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            ["StudyRooms:Presence:RefreshPeriod"] = "00:00:00.25",
            ["StudyRooms:Presence:Expiry"] = Expiry.ToString(),
            ["StudyRooms:Presence:SweepPeriod"] = "00:00:00.25",
        });
        using var http = _host.CreateHttpClient();
        await Poll.UntilAsync(async () => (await http.GetAsync("/ready")).StatusCode == HttpStatusCode.OK, "/ready answers 200 in Redis mode");
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connection.DisposeAsync();
        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task AJoinIsRecordedWithATimeToLiveThatTheHeartbeatRenewsAndALeaveRemoves_P_PRES_2()
    {
        var ada = await _host.SignInAsync("Ada");
        var roomId = (await _host.CreateRoomAsync(ada)).RoomId;
        await using var client = await RoomClient.ConnectAsync(_host, ada);
        var joinedAt = Stopwatch.StartNew();
        await client.JoinAsync(roomId);
        var key = $"{_prefix}:presence:{roomId}:{client.Connection.ConnectionId}";

        var first = await Db.StringGetWithExpiryAsync(key);
        Assert.InRange(first.Expiry!.Value, TimeSpan.FromMilliseconds(1), Expiry);
        using (var record = JsonDocument.Parse(first.Value.ToString()))
        {
            Assert.Equal(ada.UserId, record.RootElement.GetProperty("userId").GetString());
            Assert.Equal("Ada", record.RootElement.GetProperty("displayName").GetString());
            Assert.EndsWith($"/{Environment.ProcessId}", record.RootElement.GetProperty("server").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(ada.UserId, (await Db.HashGetAsync($"{_prefix}:presence:{roomId}", client.Connection.ConnectionId)).ToString());

        // The key outlives its first TTL several times over only because the heartbeat renews it.
        await Poll.UntilAsync(
            async () => await Db.KeyExistsAsync(key) ? joinedAt.Elapsed > 3 * Expiry : throw new InvalidOperationException("the key expired although its connection is open"),
            "the key is renewed past three expiries");
        Assert.True(await Db.KeyTimeToLiveAsync($"{_prefix}:presence:{roomId}") is { } indexTtl && indexTtl <= Expiry);

        await client.Connection.InvokeAsync("LeaveRoom", new LeaveRoomRequest { RoomId = roomId });

        Assert.False(await Db.KeyExistsAsync(key));
        Assert.False(await Db.HashExistsAsync($"{_prefix}:presence:{roomId}", client.Connection.ConnectionId));
    }

    [Fact]
    public async Task ARoomThatIsActivatedAgainSeatsItsPresentUsersFromTheRecord_P_PRES_2()
    {
        await using var room = await OwnedRoom.OpenAsync(_host, "Ada");
        await using var bobClient = await room.JoinNewUserAsync(_host, "Bob");
        var (roomId, adaClient, ada, bob) = (room.RoomId, room.Owner, room.OwnerUser, bobClient.User);
        await bobClient.Connection.InvokeAsync<HelpRequest[]>("RaiseHand", new RaiseHandRequest { RoomId = roomId, Note = "stuck" });

        // The room's activation goes (as when its server stops); the help queue lives only in it.
        await using var carolClient = await DeactivateAndConnectCarolAsync(roomId);
        var carol = carolClient.User;
        JoinRoomResult joined = null!;
        await Poll.UntilAsync(
            async () =>
            {
                joined = await carolClient.JoinAsync(roomId);
                return joined.HelpQueue.Length == 0;
            },
            "Carol joins a new activation of the room (the raised hand, kept only in memory, is gone)");

        Assert.Equal(
            new[] { ada.UserId, bob.UserId, carol.UserId }.Order(StringComparer.Ordinal),
            joined.Participants.Select(p => p.UserId).Order(StringComparer.Ordinal));
        Assert.Equal(RoomRole.Owner, joined.Participants.Single(p => p.UserId == ada.UserId).Role);

        // Ada was seated again with her connection: she posts without joining again, and her leave is heard.
        await adaClient.PostAsync(roomId, "still here");
        await adaClient.Connection.InvokeAsync("LeaveRoom", new LeaveRoomRequest { RoomId = roomId });
        await Poll.UntilAsync(() => bobClient.ParticipantLeft.Any(e => e.UserId == ada.UserId), "Bob hears Ada leave");
        Assert.DoesNotContain(bobClient.ParticipantLeft, e => e.UserId == bob.UserId);
    }

    [Fact]
    public async Task ARoomActivatedAgainDoesNotSeatABannedUserFromALeftoverKey_P_PRES_2()
    {
        await using var room = await OwnedRoom.OpenAsync(_host, "Ada");
        await using var bobClient = await room.JoinNewUserAsync(_host, "Bob");
        var (roomId, adaClient, ada, bob) = (room.RoomId, room.Owner, room.OwnerUser, bobClient.User);
        var bobKey = $"{_prefix}:presence:{roomId}:{bobClient.Connection.ConnectionId}";
        var bobRecord = await Db.StringGetAsync(bobKey);

        await adaClient.Connection.InvokeAsync("RemoveParticipant", new RemoveParticipantRequest { RoomId = roomId, UserId = bob.UserId, Ban = true });
        Assert.False(await Db.KeyExistsAsync(bobKey));

        // As if the removal had not reached Redis: Bob's key is back, and his open socket's server renews it.
        await Db.StringSetAsync(bobKey, bobRecord, TimeSpan.FromMinutes(1));
        await Db.HashSetAsync($"{_prefix}:presence:{roomId}", bobClient.Connection.ConnectionId, bob.UserId);
        await using var carolClient = await DeactivateAndConnectCarolAsync(roomId);
        var carol = carolClient.User;
        await Poll.UntilAsync(async () => !await Db.KeyExistsAsync(bobKey), "the new activation removes the banned user's key");

        var joined = await carolClient.JoinAsync(roomId);
        Assert.Equal(
            new[] { ada.UserId, carol.UserId }.Order(StringComparer.Ordinal),
            joined.Participants.Select(p => p.UserId).Order(StringComparer.Ordinal));
    }

    /// <summary>Deactivates the room's grain (as when its server stops), then Carol connects, not yet joined.</summary>
    private async Task<RoomClient> DeactivateAndConnectCarolAsync(string roomId)
    {
        var grains = _host.Services.GetRequiredService<IGrainFactory>();
        await grains.GetGrain<IRoomGrain>(roomId).AsReference<IGrainManagementExtension>().DeactivateOnIdle();
        return await RoomClient.ConnectAsync(_host, await _host.SignInAsync("Carol"));
    }
}
