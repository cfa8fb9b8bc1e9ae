using StudyRooms.Contracts.Boards;
using StudyRooms.Contracts.Boards.History;
using StudyRooms.Grains.Storage;
using StudyRooms.Storage.Redis;
using StudyRooms.Storage.Sqlite;
using StudyRooms.Testing;

namespace StudyRooms.Server.Tests;

// Proves both board stores keep a bounded history of named snapshots apart from the compaction
// snapshot (P-HIST-1): entries newest first, elements loaded back whole, the oldest dropped beyond
// the bound with their elements, boards kept apart. Run against a real SQLite file and a real redis-server.
public abstract class BoardHistoryStoreTests
{
    protected abstract IBoardStore Store { get; }

    [Fact]
    public async Task AnUnknownBoardHasNoHistory()
    {
        Assert.Empty(await Store.ListHistoryAsync(NewBoardId()));
        Assert.Null(await Store.LoadHistoryAsync(NewBoardId(), "h_none"));
    }

    [Fact]
    public async Task SnapshotsListNewestFirstAndLoadBackWhole_P_HIST_1()
    {
        var boardId = NewBoardId();
        var first = Snapshot("v1", "e1");
        var second = Snapshot("v2", "e1", "e2");

        await Store.SaveHistoryAsync(boardId, first, keep: 10);
        await Store.SaveHistoryAsync(boardId, second, keep: 10);

        var entries = await Store.ListHistoryAsync(boardId);
        Assert.Equal([second.Entry.Id, first.Entry.Id], entries.Select(e => e.Id));
        Assert.Equal(("v2", BoardHistoryReason.Requested, 2, 7L), (entries[0].Label, entries[0].Reason, entries[0].ElementCount, entries[0].Clock));
        Assert.Equal(["u_ada", "u_bob"], entries[0].EditorIds);
        Assert.Equal(second.Entry.CreatedAt, entries[0].CreatedAt);

        var loaded = await Store.LoadHistoryAsync(boardId, first.Entry.Id);
        var element = Assert.Single(loaded!.Elements);
        Assert.Equal(("e1", "rectangle", "u_ada", "∫ x² dx 😀"), (element.Id, element.Type, element.CreatedBy, element.Props.Text));
        Assert.Equal([0.0, 0.5, 10.25, -3.0], element.Props.Points!);
    }

    [Fact]
    public async Task OnlyTheNewestSnapshotsAreKept_P_HIST_1()
    {
        var boardId = NewBoardId();
        var saved = new List<BoardHistorySnapshot>();
        for (var i = 0; i < 5; i++)
        {
            saved.Add(Snapshot($"v{i}", "e1"));
            await Store.SaveHistoryAsync(boardId, saved[^1], keep: 3);
        }

        Assert.Equal(["v4", "v3", "v2"], (await Store.ListHistoryAsync(boardId)).Select(e => e.Label));
        Assert.Null(await Store.LoadHistoryAsync(boardId, saved[1].Entry.Id));
        Assert.NotNull(await Store.LoadHistoryAsync(boardId, saved[2].Entry.Id));
    }

    [Fact]
    public async Task HistoryAndTheCompactionSnapshotLeaveEachOtherAlone_P_HIST_1()
    {
        var boardId = NewBoardId();
        await Store.SaveHistoryAsync(boardId, Snapshot("kept", "e1"), keep: 5);
        await Store.SaveSnapshotAsync(boardId, new StoredBoardSnapshot { Clock = 9, Elements = [], ClientSeqs = [] }, retainOps: 0);
        await Store.SaveHistoryAsync(NewBoardId(), Snapshot("other board", "e1"), keep: 1);

        Assert.Equal(9, (await Store.LoadAsync(boardId)).Snapshot?.Clock);
        Assert.Equal(["kept"], (await Store.ListHistoryAsync(boardId)).Select(e => e.Label));
    }

    [Fact]
    public async Task ForgettingAUserRewritesOpsSnapshotAndHistoryWithTheMarkerAndIsIdempotent_P_ACCT_4()
    {
        var boardId = NewBoardId();
        StoredOp Op(long clock, string author) => new() { Clock = clock, AuthorId = author, ClientId = "c_" + author, ClientSeq = clock, Kind = ElementOpKind.Create, ElementId = "e" + clock, Type = "freehand" };
        await Store.AppendAsync(boardId, [Op(1, "u_ada"), Op(2, "u_bob"), Op(3, "u_bob")]);
        await Store.SaveSnapshotAsync(boardId, new StoredBoardSnapshot
        {
            Clock = 2,
            Elements = [new StoredElement { Id = "e1", Type = "freehand", CreatedBy = "u_ada", Props = new ElementProps() }, new StoredElement { Id = "e2", Type = "freehand", CreatedBy = "u_bob", Props = new ElementProps() }],
            ClientSeqs = new() { ["u_ada/c_u_ada"] = 1, ["u_bob/c_u_bob"] = 2 },
        }, retainOps: 5);
        var older = Snapshot("older", "e1");
        var newer = Snapshot("newer", "e1", "e2");
        await Store.SaveHistoryAsync(boardId, older, keep: 5);
        await Store.SaveHistoryAsync(boardId, newer, keep: 5);

        await Store.ForgetUserAsync(boardId, "u_ada");
        await Store.ForgetUserAsync(boardId, "u_ada");

        var stored = await Store.LoadAsync(boardId);
        Assert.Equal([(1L, "deleted"), (2L, "u_bob"), (3L, "u_bob")], stored.Ops.OrderBy(o => o.Clock).Select(o => (o.Clock, o.AuthorId)));
        Assert.Equal(["deleted", "u_bob"], stored.Snapshot!.Elements.Select(e => e.CreatedBy));
        Assert.Equal(["u_bob/c_u_bob"], stored.Snapshot.ClientSeqs.Keys);
        var entries = await Store.ListHistoryAsync(boardId);
        Assert.Equal(["newer", "older"], entries.Select(e => e.Label));
        Assert.All(entries, e => Assert.Equal(["deleted", "u_bob"], e.EditorIds));
        Assert.All((await Store.LoadHistoryAsync(boardId, newer.Entry.Id))!.Elements, e => Assert.Equal("deleted", e.CreatedBy));
        Assert.Equal("deleted", Assert.Single((await Store.LoadHistoryAsync(boardId, older.Entry.Id))!.Elements).CreatedBy);
    }

    protected static string NewBoardId() => "board-" + Guid.NewGuid().ToString("N")[..12];

    private static BoardHistorySnapshot Snapshot(string label, params string[] ids)
    {
        var elements = ids.Select(id => new BoardElement
        {
            Id = id,
            Type = "rectangle",
            Version = 3,
            CreatedBy = "u_ada",
            Props = new ElementProps { X = 1, Y = -2, Width = 30, Height = 40, Text = "∫ x² dx 😀", Points = [0, 0.5, 10.25, -3] },
        }).ToArray();
        return new BoardHistorySnapshot
        {
            Entry = new BoardHistoryEntry
            {
                Id = "h_" + Guid.NewGuid().ToString("N")[..20],
                CreatedAt = new DateTimeOffset(2026, 11, 29, 21, 0, 0, TimeSpan.Zero).AddMinutes(label.Length),
                Label = label,
                Reason = BoardHistoryReason.Requested,
                Clock = 7,
                ElementCount = elements.Length,
                EditorIds = ["u_ada", "u_bob"],
            },
            Elements = elements,
        };
    }
}

/// <summary>The history store contract on a real SQLite file.</summary>
public sealed class SqliteBoardHistoryStoreTests : BoardHistoryStoreTests, IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "studyrooms-history-" + Guid.NewGuid().ToString("N"));

    public SqliteBoardHistoryStoreTests()
    {
        Store = new SqliteBoardStore(new SqliteDatabase(_directory));
    }

    protected override IBoardStore Store { get; }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}

/// <summary>The history store contract on a real redis-server the test starts.</summary>
public sealed class RedisBoardHistoryStoreTests : BoardHistoryStoreTests, IAsyncLifetime
{
    private RedisServer _redis = null!;
    private StackExchange.Redis.ConnectionMultiplexer _connection = null!;
    private IBoardStore _store = null!;

    protected override IBoardStore Store => _store;

    public async Task InitializeAsync()
    {
        _redis = await RedisServer.StartAsync(appendOnly: false);
        _connection = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(_redis.ConnectionString);
        _store = new RedisBoardStore(_connection, "hist" + Guid.NewGuid().ToString("N")[..6]);
    }

    public async Task DisposeAsync()
    {
        await _connection.DisposeAsync();
        await _redis.DisposeAsync();
    }
}
