using System.Text.Json;
using StackExchange.Redis;
using StudyRooms.Grains.Storage;
using StudyRooms.Storage.Serialization;

namespace StudyRooms.Storage.Redis;

/// <summary>
/// Room presence heartbeats in Redis (P-PRES-2). Per connection a string
/// <c>{prefix}:presence:{roomId}:{connectionId}</c> (the <see cref="PresenceRecord"/> as JSON) with a
/// TTL; per room a hash <c>{prefix}:presence:{roomId}</c> of connection id → user id, so a new
/// activation lists the room without a SCAN and learns whose entries lapsed. The hash gets the same
/// TTL on every write and renewal, so a room nobody vouches for any more leaves no key; fields whose
/// entry expired are pruned when listed. Renewal is PEXPIRE only: it never creates an entry, so one
/// the room removed stays removed.
/// </summary>
public sealed class RedisPresenceStore(IConnectionMultiplexer redis, string keyPrefix) : IPresenceStore
{
    private IDatabase Db => redis.GetDatabase();

    public async Task AddAsync(string roomId, PresenceRecord record, TimeSpan timeToLive, CancellationToken cancellationToken = default)
    {
        var transaction = Db.CreateTransaction();
        _ = transaction.StringSetAsync(EntryKey(roomId, record.ConnectionId), JsonSerializer.Serialize(record, StorageJson.Options), timeToLive);
        _ = transaction.HashSetAsync(IndexKey(roomId), record.ConnectionId, record.UserId);
        _ = transaction.KeyExpireAsync(IndexKey(roomId), timeToLive);
        if (!await transaction.ExecuteAsync())
        {
            throw new RedisException($"presence of connection {record.ConnectionId} in room {roomId} was not recorded");
        }
    }

    public async Task RefreshAsync(string roomId, IReadOnlyCollection<string> connectionIds, TimeSpan timeToLive, CancellationToken cancellationToken = default)
    {
        var batch = Db.CreateBatch();
        var renewals = connectionIds.Select(c => batch.KeyExpireAsync(EntryKey(roomId, c), timeToLive)).ToList();
        renewals.Add(batch.KeyExpireAsync(IndexKey(roomId), timeToLive));
        batch.Execute();
        await Task.WhenAll(renewals);
    }

    public async Task RemoveAsync(string roomId, IReadOnlyCollection<string> connectionIds, CancellationToken cancellationToken = default)
    {
        if (connectionIds.Count == 0)
        {
            return;
        }

        var transaction = Db.CreateTransaction();
        _ = transaction.KeyDeleteAsync(connectionIds.Select(c => (RedisKey)EntryKey(roomId, c)).ToArray());
        _ = transaction.HashDeleteAsync(IndexKey(roomId), connectionIds.Select(c => (RedisValue)c).ToArray());
        await transaction.ExecuteAsync();
    }

    public async Task<PresenceListing> ListAsync(string roomId, CancellationToken cancellationToken = default)
    {
        var index = await Db.HashGetAllAsync(IndexKey(roomId));
        if (index.Length == 0)
        {
            return PresenceListing.Empty;
        }

        var batch = Db.CreateBatch();
        var reads = index
            .Select(f => (Field: f, Value: batch.StringGetAsync(EntryKey(roomId, f.Name.ToString())), Ttl: batch.KeyTimeToLiveAsync(EntryKey(roomId, f.Name.ToString()))))
            .ToArray();
        batch.Execute();
        await Task.WhenAll(reads.SelectMany(r => new Task[] { r.Value, r.Ttl }));

        var live = new List<LivePresence>();
        var lapsed = new List<HashEntry>();
        foreach (var (field, value, ttlRead) in reads)
        {
            // An entry that expires between the two reads has a value and no TTL: it lapsed.
            if (value.Result is { HasValue: true } json && ttlRead.Result is { } ttl
                && JsonSerializer.Deserialize<PresenceRecord>(json.ToString(), StorageJson.Options) is { } record)
            {
                live.Add(new LivePresence(record, ttl));
            }
            else
            {
                lapsed.Add(field);
            }
        }

        if (lapsed.Count > 0)
        {
            await Db.HashDeleteAsync(IndexKey(roomId), lapsed.Select(f => f.Name).ToArray());
        }

        return new PresenceListing(live, lapsed.Select(f => f.Value.ToString()).Distinct(StringComparer.Ordinal).ToArray());
    }

    public async Task EraseAsync(string roomId, CancellationToken cancellationToken = default)
    {
        var connections = await Db.HashKeysAsync(IndexKey(roomId));
        var keys = connections.Select(c => (RedisKey)EntryKey(roomId, c.ToString())).Append(IndexKey(roomId)).ToArray();
        await Db.KeyDeleteAsync(keys);
    }

    private string IndexKey(string roomId) => $"{keyPrefix}:presence:{roomId}";

    private string EntryKey(string roomId, string connectionId) => $"{keyPrefix}:presence:{roomId}:{connectionId}";
}
