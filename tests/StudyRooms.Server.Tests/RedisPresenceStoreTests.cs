using StackExchange.Redis;
using StudyRooms.Grains.Storage;
using StudyRooms.Storage.Redis;
using StudyRooms.Testing;

namespace StudyRooms.Server.Tests;

// Proves the presence heartbeat record on a real redis-server: an entry lives its TTL unless renewed,
// renewal never brings back a removed entry, lapsed entries are reported once with their user, and
// erasing a room leaves no key of it (P-PRES-2, P-LIFE-4).
public sealed class RedisPresenceStoreTests : IAsyncLifetime
{
    private const string Prefix = "presencetest";
    private readonly string _roomId = "room" + Guid.NewGuid().ToString("N")[..12];
    private RedisServer _redis = null!;
    private ConnectionMultiplexer _connection = null!;
    private RedisPresenceStore _store = null!;

    private IDatabase Db => _connection.GetDatabase();

    public async Task InitializeAsync()
    {
        _redis = await RedisServer.StartAsync(appendOnly: false);
        _connection = await ConnectionMultiplexer.ConnectAsync(_redis.ConnectionString);
        _store = new RedisPresenceStore(_connection, Prefix);
    }

    public async Task DisposeAsync()
    {
        await _connection.DisposeAsync();
        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task AnEntryNobodyRenewsExpiresAndIsReportedAsLapsedOnce()
    {
        // Long enough that a busy CI machine still lists the entry live before it lapses (600 ms was not).
        var timeToLive = TimeSpan.FromSeconds(3);
        await _store.AddAsync(_roomId, Record("c1", "u_ada"), timeToLive);

        var ttl = await Db.KeyTimeToLiveAsync($"{Prefix}:presence:{_roomId}:c1");
        Assert.InRange(ttl!.Value, TimeSpan.FromMilliseconds(1), timeToLive);
        var live = Assert.Single((await _store.ListAsync(_roomId)).Live);
        Assert.Equal(Record("c1", "u_ada"), live.Record);
        Assert.InRange(live.TimeToLive, TimeSpan.FromMilliseconds(1), timeToLive);

        // Bob's live entry keeps the room's index, which remembers whose entry lapsed.
        await _store.AddAsync(_roomId, Record("c2", "u_bob"), TimeSpan.FromSeconds(30));
        await Poll.UntilAsync(async () => !await Db.KeyExistsAsync($"{Prefix}:presence:{_roomId}:c1"), "the entry expires", TimeSpan.FromSeconds(10));
        var listing = await _store.ListAsync(_roomId);

        Assert.Equal("c2", Assert.Single(listing.Live).Record.ConnectionId);
        Assert.Equal(["u_ada"], listing.LapsedUserIds);
        Assert.Empty((await _store.ListAsync(_roomId)).LapsedUserIds);
        Assert.Equal(["c2"], (await Db.HashKeysAsync($"{Prefix}:presence:{_roomId}")).Select(k => k.ToString()));
    }

    [Fact]
    public async Task RenewalExtendsLiveEntriesAndTheIndexButNeverBringsBackARemovedEntry()
    {
        await _store.AddAsync(_roomId, Record("c1", "u_ada"), TimeSpan.FromSeconds(10));
        await _store.AddAsync(_roomId, Record("c2", "u_bob"), TimeSpan.FromSeconds(10));
        await _store.RemoveAsync(_roomId, ["c2"]);

        await _store.RefreshAsync(_roomId, ["c1", "c2"], TimeSpan.FromSeconds(60));

        Assert.True((await Db.KeyTimeToLiveAsync($"{Prefix}:presence:{_roomId}:c1")) > TimeSpan.FromSeconds(30));
        Assert.True((await Db.KeyTimeToLiveAsync($"{Prefix}:presence:{_roomId}")) > TimeSpan.FromSeconds(30));
        Assert.False(await Db.KeyExistsAsync($"{Prefix}:presence:{_roomId}:c2"));
        var listing = await _store.ListAsync(_roomId);
        Assert.Equal("c1", Assert.Single(listing.Live).Record.ConnectionId);
        Assert.Empty(listing.LapsedUserIds);
    }

    [Fact]
    public async Task ARoomNobodyVouchesForLeavesNoKeyAndErasingLeavesNoneEither()
    {
        var other = _roomId + "x";
        await _store.AddAsync(_roomId, Record("c1", "u_ada"), TimeSpan.FromMilliseconds(500));
        await _store.AddAsync(other, Record("c2", "u_ada"), TimeSpan.FromSeconds(30));
        await _store.AddAsync(other, Record("c3", "u_bob"), TimeSpan.FromSeconds(30));

        await Poll.UntilAsync(async () => (await KeysOfAsync(_roomId)).Length == 0, "the room's entry and index expire", TimeSpan.FromSeconds(5));
        Assert.Equal(3, (await KeysOfAsync(other)).Length);

        await _store.EraseAsync(other);
        await _store.EraseAsync(other);

        Assert.Empty(await KeysOfAsync(other));
        Assert.Equal(PresenceListing.Empty.Live, (await _store.ListAsync(other)).Live);
    }

    private async Task<string[]> KeysOfAsync(string roomId)
    {
        var server = _connection.GetServer(_connection.GetEndPoints()[0]);
        var keys = new List<string>();
        await foreach (var key in server.KeysAsync(pattern: $"{Prefix}:presence:{roomId}*"))
        {
            var name = key.ToString();
            if (name == $"{Prefix}:presence:{roomId}" || name.StartsWith($"{Prefix}:presence:{roomId}:", StringComparison.Ordinal))
            {
                keys.Add(name);
            }
        }

        return keys.ToArray();
    }

    private static PresenceRecord Record(string connectionId, string userId) =>
        new(connectionId, userId, userId[2..], false, "test/1", new DateTimeOffset(2026, 11, 30, 4, 0, 0, TimeSpan.Zero));
}
