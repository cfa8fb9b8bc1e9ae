using System.Globalization;
using System.Text.Json;
using StackExchange.Redis;
using StudyRooms.Contracts.Chat;
using StudyRooms.Grains.Storage;
using StudyRooms.Storage.Serialization;

namespace StudyRooms.Storage.Redis;

/// <summary>
/// Room chats in Redis (cluster mode). Per room: a hash seq → message JSON, and sorted sets of seqs
/// (scored by seq) that index it: every message, the timeline (top-level messages) and one per
/// thread. A write is one MULTI/EXEC, so it lands whole or not at all. Search has no index here: it
/// reads the room's messages newest first, at most <see cref="SearchScanLimit"/> per call, and answers
/// where to continue (docs/protocol.md P-CHAT-13).
/// </summary>
public sealed class RedisChatStore(IConnectionMultiplexer redis, string keyPrefix) : IChatStore
{
    /// <summary>Messages one search call reads at most before it answers with a place to continue.</summary>
    public const int SearchScanLimit = 10_000;

    private const int SearchBatch = 500;

    private const string SetReadScript = """
        local current = tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '0')
        if tonumber(ARGV[2]) > current then redis.call('HSET', KEYS[1], ARGV[1], ARGV[2]) end
        return 1
        """;

    private IDatabase Db => redis.GetDatabase();

    public async Task WriteAsync(string roomId, IReadOnlyList<ChatMessage> messages, CancellationToken cancellationToken = default)
    {
        var transaction = Db.CreateTransaction();
        foreach (var message in messages)
        {
            var seq = Field(message.Seq);
            _ = transaction.HashSetAsync(MessagesKey(roomId), seq, JsonSerializer.Serialize(message, StorageJson.Options));
            _ = transaction.SortedSetAddAsync(AllKey(roomId), seq, message.Seq);
            _ = transaction.SortedSetAddAsync(message.ThreadRootSeq is { } root ? ThreadKey(roomId, root) : TimelineKey(roomId), seq, message.Seq);
        }

        if (!await transaction.ExecuteAsync())
        {
            throw new RedisException($"chat write of room {roomId} was not executed");
        }
    }

    public async Task<ChatMessage?> GetAsync(string roomId, long seq, CancellationToken cancellationToken = default)
    {
        var json = await Db.HashGetAsync(MessagesKey(roomId), Field(seq));
        return json.HasValue ? Read(json!) : null;
    }

    public Task<IReadOnlyList<ChatMessage>> RecentAsync(string roomId, int limit, CancellationToken cancellationToken = default) =>
        RangeAsync(AllKey(roomId), roomId, null, limit);

    public Task<IReadOnlyList<ChatMessage>> PageAsync(string roomId, long? threadRootSeq, long? beforeSeq, int limit, CancellationToken cancellationToken = default) =>
        RangeAsync(threadRootSeq is { } root ? ThreadKey(roomId, root) : TimelineKey(roomId), roomId, beforeSeq, limit);

    public async Task<ChatSearchPage> SearchAsync(string roomId, string query, long? beforeSeq, int limit, CancellationToken cancellationToken = default)
    {
        var folded = ChatSearch.Fold(query);
        var matches = new List<ChatMessage>();
        var before = beforeSeq;
        var scanned = 0;
        while (scanned < SearchScanLimit)
        {
            var take = Math.Min(SearchBatch, SearchScanLimit - scanned);
            var batch = await RangeAsync(AllKey(roomId), roomId, before, take);
            foreach (var message in batch)
            {
                if (!message.Deleted && ChatSearch.Matches(message.Text, folded))
                {
                    if (matches.Count == limit)
                    {
                        return new ChatSearchPage(matches, matches[^1].Seq);
                    }

                    matches.Add(message);
                }
            }

            scanned += batch.Count;
            if (batch.Count < take)
            {
                return new ChatSearchPage(matches, null);
            }

            before = batch[^1].Seq;
        }

        // Scanned as far as one call may: continue below the oldest message read.
        return new ChatSearchPage(matches, before);
    }

    public async Task<long> GetReadAsync(string roomId, string userId, CancellationToken cancellationToken = default)
    {
        var value = await Db.HashGetAsync(ReadsKey(roomId), userId);
        return value.HasValue ? (long)value : 0;
    }

    public Task SetReadAsync(string roomId, string userId, long seq, CancellationToken cancellationToken = default) =>
        Db.ScriptEvaluateAsync(SetReadScript, [ReadsKey(roomId)], [userId, seq]);

    public async Task<IReadOnlyList<ChatMessage>> ScanAsync(string roomId, long afterSeq, int limit, CancellationToken cancellationToken = default)
    {
        var seqs = await Db.SortedSetRangeByScoreAsync(AllKey(roomId), afterSeq, double.PositiveInfinity, Exclude.Start, take: limit);
        if (seqs.Length == 0)
        {
            return [];
        }

        var values = await Db.HashGetAsync(MessagesKey(roomId), seqs);
        return values.Where(v => v.HasValue).Select(v => Read(v!)).ToList();
    }

    public Task ForgetReadAsync(string roomId, string userId, CancellationToken cancellationToken = default) =>
        Db.HashDeleteAsync(ReadsKey(roomId), userId);

    public async Task DeleteRoomAsync(string roomId, CancellationToken cancellationToken = default)
    {
        // Thread indexes are keyed by their root's seq, and every root is in the "all" index: delete
        // the possible thread keys in batches (a DEL of a missing key is no error), then the room's
        // fixed keys, "all" last, so a deletion that fails part way is found again by the next try.
        const int batch = 1_000;
        long after = 0;
        while (true)
        {
            var seqs = await Db.SortedSetRangeByScoreAsync(AllKey(roomId), after, double.PositiveInfinity, Exclude.Start, take: batch);
            if (seqs.Length == 0)
            {
                break;
            }

            await Db.KeyDeleteAsync(seqs.Select(seq => ThreadKey(roomId, (long)seq)).ToArray());
            after = (long)seqs[^1];
        }

        await Db.KeyDeleteAsync([MessagesKey(roomId), TimelineKey(roomId), ReadsKey(roomId), AllKey(roomId)]);
    }

    private async Task<IReadOnlyList<ChatMessage>> RangeAsync(RedisKey index, string roomId, long? beforeSeq, int limit)
    {
        var seqs = await Db.SortedSetRangeByScoreAsync(
            index,
            start: double.NegativeInfinity,
            stop: beforeSeq ?? double.PositiveInfinity,
            exclude: Exclude.Stop,
            order: Order.Descending,
            take: limit);
        if (seqs.Length == 0)
        {
            return [];
        }

        var values = await Db.HashGetAsync(MessagesKey(roomId), seqs);
        return values.Where(v => v.HasValue).Select(v => Read(v!)).ToList();
    }

    private static ChatMessage Read(string json) => JsonSerializer.Deserialize<ChatMessage>(json, StorageJson.Options)!;

    private static RedisValue Field(long seq) => seq.ToString(CultureInfo.InvariantCulture);

    private RedisKey MessagesKey(string roomId) => $"{keyPrefix}:chat:{roomId}:messages";

    private RedisKey AllKey(string roomId) => $"{keyPrefix}:chat:{roomId}:all";

    private RedisKey TimelineKey(string roomId) => $"{keyPrefix}:chat:{roomId}:timeline";

    private RedisKey ThreadKey(string roomId, long rootSeq) => $"{keyPrefix}:chat:{roomId}:thread:{rootSeq}";

    private RedisKey ReadsKey(string roomId) => $"{keyPrefix}:chat:{roomId}:reads";
}
