using StackExchange.Redis;
using StudyRooms.Contracts.Chat;
using StudyRooms.Grains.Storage;
using StudyRooms.Storage.Redis;
using StudyRooms.Storage.Sqlite;
using StudyRooms.Testing;

namespace StudyRooms.Server.Tests;

// Proves that both chat stores, on a real SQLite file and on a real redis-server, keep messages by
// seq, page the timeline and threads apart, replace on write, search case-insensitively without
// deleted messages, and keep read positions that never move back (P-CHAT-2, P-CHAT-11..13).
public abstract class ChatStoreTests
{
    private readonly string _roomId = "room" + Guid.NewGuid().ToString("N")[..12];

    protected abstract IChatStore Store { get; }

    [Fact]
    public async Task PagesWalkTheTimelineAndThreadsApartNewestFirst()
    {
        await Store.WriteAsync(_roomId, [Message(1, "root"), Message(2, "reply a", root: 1), Message(3, "second"), Message(4, "reply b", root: 1), Message(5, "third")]);

        Assert.Equal([5L, 3L, 1L], (await Store.PageAsync(_roomId, null, null, 10)).Select(m => m.Seq));
        Assert.Equal([3L], (await Store.PageAsync(_roomId, null, 5, 1)).Select(m => m.Seq));
        Assert.Equal([4L, 2L], (await Store.PageAsync(_roomId, 1, null, 10)).Select(m => m.Seq));
        Assert.Equal([2L], (await Store.PageAsync(_roomId, 1, 4, 10)).Select(m => m.Seq));
        Assert.Equal([5L, 4L, 3L], (await Store.RecentAsync(_roomId, 3)).Select(m => m.Seq));
        Assert.Empty(await Store.PageAsync("no-such-room", null, null, 10));
    }

    [Fact]
    public async Task AWriteReplacesAMessageBySeqAndReadsBackEveryMember()
    {
        var original = Message(1, "<b>first</b>") with { Mentions = ["u_bob"], Reactions = [new ChatReaction { Emoji = "👍", UserIds = ["u_bob"] }] };
        await Store.WriteAsync(_roomId, [original]);
        var edited = original with { Text = "edited", EditedAt = original.CreatedAt.AddMinutes(1), ReplyCount = 2 };

        await Store.WriteAsync(_roomId, [edited]);
        var read = (await Store.GetAsync(_roomId, 1))!;

        Assert.Equal(edited with { Mentions = [], Reactions = [] }, read with { Mentions = [], Reactions = [] });
        Assert.Equal(["u_bob"], read.Mentions);
        Assert.Equal(("👍", "u_bob"), (read.Reactions[0].Emoji, read.Reactions[0].UserIds[0]));
        Assert.Single(await Store.PageAsync(_roomId, null, null, 10));
        Assert.Null(await Store.GetAsync(_roomId, 2));
    }

    [Fact]
    public async Task SearchFoldsCaseSkipsDeletedMessagesAndContinues()
    {
        await Store.WriteAsync(_roomId, [
            Message(1, "Straße und ÜBUNG"),
            Message(2, "übung macht"),
            Message(3, "übung gelöscht") with { Deleted = true, Text = "" },
            Message(4, "other"),
            Message(5, "Übung im Thread", root: 1),
        ]);

        var all = await Store.SearchAsync(_roomId, "ÜBUNG", null, 10);
        var first = await Store.SearchAsync(_roomId, "übung", null, 2);
        var rest = await Store.SearchAsync(_roomId, "übung", first.ContinueBefore, 2);

        Assert.Equal([5L, 2L, 1L], all.Matches.Select(m => m.Seq));
        Assert.Null(all.ContinueBefore);
        Assert.Equal([5L, 2L], first.Matches.Select(m => m.Seq));
        Assert.Equal(2L, first.ContinueBefore);
        Assert.Equal([1L], rest.Matches.Select(m => m.Seq));
    }

    [Fact]
    public async Task ReadPositionsAreKeptPerUserAndNeverMoveBack()
    {
        Assert.Equal(0, await Store.GetReadAsync(_roomId, "u_ada"));

        await Store.SetReadAsync(_roomId, "u_ada", 7);
        await Store.SetReadAsync(_roomId, "u_ada", 3);
        await Store.SetReadAsync(_roomId, "u_bob", 2);

        Assert.Equal((7L, 2L), (await Store.GetReadAsync(_roomId, "u_ada"), await Store.GetReadAsync(_roomId, "u_bob")));
    }

    private static ChatMessage Message(long seq, string text, long? root = null) => new()
    {
        Seq = seq,
        AuthorId = "u_ada",
        AuthorName = "Ada",
        ClientMessageId = $"m_{seq}",
        Text = text,
        ThreadRootSeq = root,
        CreatedAt = new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero).AddSeconds(seq),
    };
}

/// <summary>The chat store contract on a real SQLite file.</summary>
public sealed class SqliteChatStoreTests : ChatStoreTests, IDisposable
{
    private readonly string _directory = StudyRoomsHost.NewDataDirectory();

    public SqliteChatStoreTests() => Store = new SqliteChatStore(new SqliteDatabase(_directory));

    protected override IChatStore Store { get; }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}

/// <summary>The chat store contract on a real redis-server the test starts.</summary>
public sealed class RedisChatStoreTests : ChatStoreTests, IAsyncLifetime
{
    private RedisServer _redis = null!;
    private ConnectionMultiplexer _connection = null!;
    private IChatStore? _store;

    protected override IChatStore Store => _store ?? throw new InvalidOperationException("not initialised");

    public async Task InitializeAsync()
    {
        _redis = await RedisServer.StartAsync(appendOnly: false);
        _connection = await ConnectionMultiplexer.ConnectAsync(_redis.ConnectionString);
        _store = new RedisChatStore(_connection, "chattest");
    }

    public async Task DisposeAsync()
    {
        await _connection.DisposeAsync();
        await _redis.DisposeAsync();
    }
}
