using Microsoft.Data.Sqlite;
using StudyRooms.Contracts.Boards;
using StudyRooms.Grains.Boards;
using StudyRooms.Grains.Storage;
using StudyRooms.Grains.Tests.Support;
using StudyRooms.Storage.Sqlite;

namespace StudyRooms.Grains.Tests.Storage;

// Proves that the embedded mode's board store keeps op logs and snapshots in a real SQLite file:
// appends are whole, snapshots replace the ops they cover, and a restarted process reads it all back.
public sealed class SqliteBoardStoreTests : IDisposable
{
    private readonly TempDirectory _directory = new("board-store");
    private readonly SqliteBoardStore _store;
    private readonly SqliteDatabase _database;

    public SqliteBoardStoreTests()
    {
        _database = new SqliteDatabase(_directory.Path);
        _store = new SqliteBoardStore(_database);
    }

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void DatabaseLivesInTheDataDirectory()
    {
        Assert.Equal(Path.Combine(_directory.Path, "studyrooms.db"), _database.FilePath);
    }

    [Fact]
    public async Task UnknownBoardLoadsEmpty()
    {
        var stored = await _store.LoadAsync("no-such-board");

        Assert.Null(stored.Snapshot);
        Assert.Empty(stored.Ops);
    }

    [Fact]
    public async Task AppendedOpsLoadBackWholeAndInClockOrder_P_OPS_2()
    {
        var document = new BoardDocument();
        var first = document.Push("c_a", Ops.Create(1, "e1", Ops.Stroke(-3.25, 1e6)), Ops.Create(2, "e2")).NewOps;
        var second = document.Push("c_b", Ops.Patch(1, "e1", new() { Text = "∫ x² dx 😀\n", FillColor = "#ffffff" }), Ops.Delete(2, "e2")).NewOps;

        await _store.AppendAsync("board", first);
        await _store.AppendAsync("board", second);
        var stored = await _store.LoadAsync("board");

        Assert.Null(stored.Snapshot);
        Assert.Equal(Canonical.Of(first.Concat(second)), Canonical.Of(stored.Ops));
        Assert.Equal([ElementOpKind.Create, ElementOpKind.Create, ElementOpKind.Patch, ElementOpKind.Delete], stored.Ops.Select(o => o.Kind));
    }

    [Fact]
    public async Task BoardsDoNotSeeEachOthersOps()
    {
        await _store.AppendAsync("board-1", Commit(1, 2));
        await _store.AppendAsync("board-2", Commit(1, 1));

        Assert.Equal(2, (await _store.LoadAsync("board-1")).Ops.Count);
        Assert.Single((await _store.LoadAsync("board-2")).Ops);
    }

    [Fact]
    public async Task AnAppendLandsWholeOrNotAtAll()
    {
        await _store.AppendAsync("board", Commit(1, 2));

        // The second op of this batch collides with a stored clock, so the whole batch must fail.
        var batch = Commit(3, 1).Concat(Commit(2, 1)).ToList();
        await Assert.ThrowsAsync<SqliteException>(() => _store.AppendAsync("board", batch));

        var stored = await _store.LoadAsync("board");
        Assert.Equal([1L, 2L], stored.Ops.Select(o => o.Clock));
    }

    [Fact]
    public async Task SnapshotDropsTheOpsItCovers()
    {
        var document = new BoardDocument();
        await _store.AppendAsync("board", document.Push("c_a", Ops.Create(1, "e1"), Ops.Create(2, "e2"), Ops.Delete(3, "e1")).NewOps);
        var snapshot = document.ToStoredSnapshot();
        await _store.AppendAsync("board", document.Push("c_a", Ops.Create(4, "e3"), Ops.Patch(5, "e2", new() { X = 1 })).NewOps);

        await _store.SaveSnapshotAsync("board", snapshot, retainOps: 0);

        Assert.Equal([4L, 5L], await StoredClocksAsync("board"));
    }

    [Fact]
    public async Task LoadAfterSnapshotReturnsTheSnapshotAndOnlyNewerOps()
    {
        var document = new BoardDocument();
        await _store.AppendAsync("board", document.Push("c_a", Ops.Create(1, "e1"), Ops.Create(2, "e2"), Ops.Delete(3, "e1")).NewOps);
        var snapshot = document.ToStoredSnapshot();
        await _store.SaveSnapshotAsync("board", snapshot, retainOps: 0);
        var newer = document.Push("c_b", Ops.Create(1, "e3"), Ops.Patch(2, "e2", new() { Opacity = 0.25 })).NewOps;
        await _store.AppendAsync("board", newer);

        var stored = await _store.LoadAsync("board");

        Assert.NotNull(stored.Snapshot);
        Assert.Equal(Canonical.Of(snapshot), Canonical.Of(stored.Snapshot));
        Assert.Equal(Canonical.Of(newer), Canonical.Of(stored.Ops));
        Assert.Equal(Canonical.Of(document), Canonical.Of(BoardDocument.Restore(stored)));
    }

    [Fact]
    public async Task AnOlderSnapshotNeverReplacesANewerOne()
    {
        var document = new BoardDocument();
        await _store.AppendAsync("board", document.Push("c_a", Ops.Create(1, "e1")).NewOps);
        var older = document.ToStoredSnapshot();
        await _store.AppendAsync("board", document.Push("c_a", Ops.Create(2, "e2")).NewOps);
        var newer = document.ToStoredSnapshot();

        await _store.SaveSnapshotAsync("board", newer, retainOps: 0);
        await _store.SaveSnapshotAsync("board", older, retainOps: 0);

        var stored = await _store.LoadAsync("board");
        Assert.Equal(Canonical.Of(newer), Canonical.Of(stored.Snapshot!));
        Assert.Empty(stored.Ops);
    }

    [Fact]
    public async Task ANewDatabaseOnTheSameDirectoryReadsWhatWasWritten()
    {
        var document = new BoardDocument();
        await _store.AppendAsync("board", document.Push("c_a", Ops.Create(1, "e1"), Ops.Create(2, "e2"), Ops.Patch(3, "e1", new() { X = 99 })).NewOps);
        await _store.SaveSnapshotAsync("board", document.ToStoredSnapshot(), retainOps: 0);
        await _store.AppendAsync("board", document.Push("c_a", Ops.Delete(4, "e2"), Ops.Create(5, "e3")).NewOps);

        // A process restart: no pooled connection and no object of the first instance survives.
        SqliteConnection.ClearAllPools();
        var restarted = new SqliteBoardStore(new SqliteDatabase(_directory.Path));
        var stored = await restarted.LoadAsync("board");

        Assert.Equal(3, stored.Snapshot?.Clock);
        Assert.Equal([4L, 5L], stored.Ops.Select(o => o.Clock));
        Assert.Equal(Canonical.Of(document), Canonical.Of(BoardDocument.Restore(stored)));
        await restarted.PingAsync();
    }

    [Fact]
    public async Task PingAnswersOnAFreshDatabase()
    {
        await _store.PingAsync();
    }

    private static List<StoredOp> Commit(long fromClock, int count) =>
        Enumerable.Range(0, count)
            .Select(i => new StoredOp
            {
                Clock = fromClock + i,
                AuthorId = "u_author",
                ClientId = "c_a",
                ClientSeq = fromClock + i,
                Kind = ElementOpKind.Create,
                ElementId = $"e{fromClock + i}",
                Type = "freehand",
                Props = Ops.Stroke(),
            })
            .ToList();

    private async Task<List<long>> StoredClocksAsync(string boardId)
    {
        await using var connection = await _database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT clock FROM board_ops WHERE board_id = $id ORDER BY clock";
        command.Parameters.AddWithValue("$id", boardId);
        await using var reader = await command.ExecuteReaderAsync();
        var clocks = new List<long>();
        while (await reader.ReadAsync())
        {
            clocks.Add(reader.GetInt64(0));
        }

        return clocks;
    }
}
