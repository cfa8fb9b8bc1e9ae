using System.Text.Json;
using StackExchange.Redis;
using StudyRooms.Grains.Storage;
using StudyRooms.Storage.Serialization;

namespace StudyRooms.Storage.Redis;

/// <summary>
/// Board op log and snapshots in Redis (cluster mode). The log of a board is one sorted set scored
/// by clock: a push is one ZADD, so it lands whole or not at all. Keys start with the deployment's
/// key prefix so several deployments can share one Redis.
/// </summary>
public sealed class RedisBoardStore(IConnectionMultiplexer redis, string keyPrefix) : IBoardStore
{
    private IDatabase Db => redis.GetDatabase();

    public async Task<StoredBoard> LoadAsync(string boardId, CancellationToken cancellationToken = default)
    {
        StoredBoardSnapshot? snapshot = null;
        var json = await Db.StringGetAsync(SnapshotKey(boardId));
        if (json.HasValue)
        {
            snapshot = JsonSerializer.Deserialize<StoredBoardSnapshot>(json.ToString(), StorageJson.Options);
        }

        var entries = await Db.SortedSetRangeByScoreAsync(OpsKey(boardId));
        var ops = entries.Select(e => JsonSerializer.Deserialize<StoredOp>(e.ToString(), StorageJson.Options)!).ToList();
        return new StoredBoard(snapshot, ops);
    }

    public async Task AppendAsync(string boardId, IReadOnlyList<StoredOp> ops, CancellationToken cancellationToken = default)
    {
        var entries = ops
            .Select(op => new SortedSetEntry(JsonSerializer.Serialize(op, StorageJson.Options), op.Clock))
            .ToArray();
        await Db.SortedSetAddAsync(OpsKey(boardId), entries);
    }

    public async Task SaveSnapshotAsync(string boardId, StoredBoardSnapshot snapshot, int retainOps, CancellationToken cancellationToken = default)
    {
        var transaction = Db.CreateTransaction();
        _ = transaction.StringSetAsync(SnapshotKey(boardId), JsonSerializer.Serialize(snapshot, StorageJson.Options));
        _ = transaction.SortedSetRemoveRangeByScoreAsync(OpsKey(boardId), double.NegativeInfinity, snapshot.Clock - Math.Max(0, retainOps));
        if (!await transaction.ExecuteAsync())
        {
            throw new RedisException($"snapshot of board {boardId} at clock {snapshot.Clock} was not written");
        }
    }

    public Task PingAsync(CancellationToken cancellationToken = default) => Db.PingAsync();

    private RedisKey OpsKey(string boardId) => $"{keyPrefix}:board:{boardId}:ops";

    private RedisKey SnapshotKey(string boardId) => $"{keyPrefix}:board:{boardId}:snapshot";
}
