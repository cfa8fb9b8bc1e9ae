using System.Text.Json;
using StackExchange.Redis;
using StudyRooms.Contracts.Boards;
using StudyRooms.Contracts.Boards.History;
using StudyRooms.Grains.Boards;
using StudyRooms.Grains.Storage;
using StudyRooms.Storage.Serialization;

namespace StudyRooms.Storage.Redis;

/// <summary>
/// Board op log, snapshots and the bounded history of named snapshots in Redis (cluster mode). The log of a board is one sorted set scored
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

    public async Task<StoredBoard> LoadCurrentAsync(string boardId, CancellationToken cancellationToken = default)
    {
        StoredBoardSnapshot? snapshot = null;
        var json = await Db.StringGetAsync(SnapshotKey(boardId));
        if (json.HasValue)
        {
            snapshot = JsonSerializer.Deserialize<StoredBoardSnapshot>(json.ToString(), StorageJson.Options);
        }

        var ops = await LoadOpsAsync(boardId, snapshot?.Clock ?? 0, long.MaxValue, cancellationToken);
        return new StoredBoard(snapshot, ops);
    }

    public async Task<IReadOnlyList<StoredOp>> LoadOpsAsync(string boardId, long afterClock, long throughClock, CancellationToken cancellationToken = default)
    {
        var stop = throughClock == long.MaxValue ? double.PositiveInfinity : throughClock;
        var entries = await Db.SortedSetRangeByScoreAsync(OpsKey(boardId), afterClock, stop, Exclude.Start);
        return [.. entries.Select(e => JsonSerializer.Deserialize<StoredOp>(e.ToString(), StorageJson.Options)!)];
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

    public async Task SaveHistoryAsync(string boardId, BoardHistorySnapshot snapshot, int keep, CancellationToken cancellationToken = default)
    {
        // Entries newest first in a list, elements in a hash by snapshot id. The board grain is the
        // only writer of its history and writes one snapshot at a time, so reading the evicted
        // entries before the transaction cannot race another writer.
        keep = Math.Max(1, keep);
        var evicted = await Db.ListRangeAsync(HistoryKey(boardId), keep - 1, -1);
        var transaction = Db.CreateTransaction();
        _ = transaction.HashSetAsync(HistoryElementsKey(boardId), snapshot.Entry.Id, JsonSerializer.Serialize(snapshot.Elements, StorageJson.Options));
        _ = transaction.ListLeftPushAsync(HistoryKey(boardId), JsonSerializer.Serialize(snapshot.Entry, StorageJson.Options));
        _ = transaction.ListTrimAsync(HistoryKey(boardId), 0, keep - 1);
        var evictedIds = evicted
            .Select(e => JsonSerializer.Deserialize<BoardHistoryEntry>(e.ToString(), StorageJson.Options)!.Id)
            .Where(id => id != snapshot.Entry.Id)
            .Select(id => (RedisValue)id)
            .ToArray();
        if (evictedIds.Length > 0)
        {
            _ = transaction.HashDeleteAsync(HistoryElementsKey(boardId), evictedIds);
        }

        if (!await transaction.ExecuteAsync())
        {
            throw new RedisException($"history snapshot {snapshot.Entry.Id} of board {boardId} was not written");
        }
    }

    public async Task<IReadOnlyList<BoardHistoryEntry>> ListHistoryAsync(string boardId, CancellationToken cancellationToken = default)
    {
        var entries = await Db.ListRangeAsync(HistoryKey(boardId));
        return entries.Select(e => JsonSerializer.Deserialize<BoardHistoryEntry>(e.ToString(), StorageJson.Options)!).ToList();
    }

    public async Task<BoardHistorySnapshot?> LoadHistoryAsync(string boardId, string snapshotId, CancellationToken cancellationToken = default)
    {
        var elements = await Db.HashGetAsync(HistoryElementsKey(boardId), snapshotId);
        if (!elements.HasValue)
        {
            return null;
        }

        var entry = (await ListHistoryAsync(boardId, cancellationToken)).FirstOrDefault(e => e.Id == snapshotId);
        if (entry is null)
        {
            return null;
        }

        return new BoardHistorySnapshot
        {
            Entry = entry,
            Elements = JsonSerializer.Deserialize<BoardElement[]>(elements.ToString(), StorageJson.Options)!,
        };
    }

    public Task DeleteAsync(string boardId, CancellationToken cancellationToken = default) =>
        // One DEL of every key of the board: atomic, and a key already gone is no error.
        Db.KeyDeleteAsync([OpsKey(boardId), SnapshotKey(boardId), HistoryKey(boardId), HistoryElementsKey(boardId)]);

    public async Task ForgetUserAsync(string boardId, string userId, CancellationToken cancellationToken = default)
    {
        // Read, then one MULTI/EXEC of the rewrites. The board grain is the only writer and has no
        // write in flight, so nothing changes between the read and the transaction.
        var ops = await Db.SortedSetRangeByScoreWithScoresAsync(OpsKey(boardId));
        var snapshot = await Db.StringGetAsync(SnapshotKey(boardId));
        var history = await Db.ListRangeAsync(HistoryKey(boardId));
        var historyElements = await Db.HashGetAllAsync(HistoryElementsKey(boardId));

        var transaction = Db.CreateTransaction();
        var rewrites = 0;
        foreach (var entry in ops)
        {
            if (BoardAnonymiser.Op(Read<StoredOp>(entry.Element), userId) is { } changed)
            {
                _ = transaction.SortedSetRemoveAsync(OpsKey(boardId), entry.Element);
                _ = transaction.SortedSetAddAsync(OpsKey(boardId), Write(changed), entry.Score);
                rewrites++;
            }
        }

        if (snapshot.HasValue && BoardAnonymiser.Snapshot(Read<StoredBoardSnapshot>(snapshot), userId) is { } changedSnapshot)
        {
            _ = transaction.StringSetAsync(SnapshotKey(boardId), Write(changedSnapshot));
            rewrites++;
        }

        var entries = history.Select(e => Read<BoardHistoryEntry>(e)).ToArray();
        if (entries.Any(e => BoardAnonymiser.Entry(e, userId) is not null))
        {
            // The list keeps its order (newest first): replaced whole.
            _ = transaction.KeyDeleteAsync(HistoryKey(boardId));
            _ = transaction.ListRightPushAsync(HistoryKey(boardId), entries.Select(e => (RedisValue)Write(BoardAnonymiser.Entry(e, userId) ?? e)).ToArray());
            rewrites++;
        }

        foreach (var field in historyElements)
        {
            if (BoardAnonymiser.Elements(Read<BoardElement[]>(field.Value), userId) is { } changedElements)
            {
                _ = transaction.HashSetAsync(HistoryElementsKey(boardId), field.Name, Write(changedElements));
                rewrites++;
            }
        }

        if (rewrites > 0 && !await transaction.ExecuteAsync())
        {
            throw new RedisException($"anonymising a user on board {boardId} was not executed");
        }
    }

    private static T Read<T>(RedisValue json) => JsonSerializer.Deserialize<T>(json.ToString(), StorageJson.Options)!;

    private static string Write<T>(T value) => JsonSerializer.Serialize(value, StorageJson.Options);

    public Task PingAsync(CancellationToken cancellationToken = default) => Db.PingAsync();

    private RedisKey OpsKey(string boardId) => $"{keyPrefix}:board:{boardId}:ops";

    private RedisKey SnapshotKey(string boardId) => $"{keyPrefix}:board:{boardId}:snapshot";

    private RedisKey HistoryKey(string boardId) => $"{keyPrefix}:board:{boardId}:history";

    private RedisKey HistoryElementsKey(string boardId) => $"{keyPrefix}:board:{boardId}:history:elements";
}
