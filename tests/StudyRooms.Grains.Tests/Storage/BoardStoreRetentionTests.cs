using StudyRooms.Grains.Boards;
using StudyRooms.Grains.Storage;
using StudyRooms.Grains.Tests.Boards;
using StudyRooms.Grains.Tests.Support;
using StudyRooms.Storage.Sqlite;

namespace StudyRooms.Grains.Tests.Storage;

// Proves a snapshot keeps the retained tail of the op log in SQLite, so a reloaded board can still
// answer resumes, and that the board restored from snapshot plus tail is the same board (P-JOIN-5).
public sealed class BoardStoreRetentionTests : IDisposable
{
    private readonly TempDirectory _directory = new("retention");
    private readonly SqliteBoardStore _store;

    public BoardStoreRetentionTests()
    {
        _store = new SqliteBoardStore(new SqliteDatabase(_directory.Path));
    }

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task ASnapshotDropsOnlyTheOpsOlderThanTheRetainedTail_P_JOIN_5()
    {
        var document = await StoreThirtyOpsSnapshotThenFiveMoreAsync();

        var stored = await _store.LoadAsync("board");

        Assert.Equal(30, stored.Snapshot?.Clock);
        Assert.Equal(Enumerable.Range(21, 15).Select(c => (long)c), stored.Ops.Select(o => o.Clock));
        Assert.Equal(Canonical.Of(document), Canonical.Of(BoardDocument.Restore(stored)));
        var log = BoardOpLog.Load(retention: 10, document.Clock, stored.Ops);
        Assert.Equal(25, log.ResumableFrom);
        Assert.Equal([26L, 27L, 28L, 29L, 30L, 31L, 32L, 33L, 34L, 35L], log.After(25)!.Select(o => o.Clock));
    }

    [Fact]
    public async Task ACurrentLoadLeavesTheRetainedTailInStorageUntilAskedFor_P_JOIN_5()
    {
        var document = await StoreThirtyOpsSnapshotThenFiveMoreAsync();

        IBoardStore store = _store;

        var current = await store.LoadCurrentAsync("board");
        var tail = await store.LoadOpsAsync("board", afterClock: 22, throughClock: 30);

        Assert.Equal(30, current.Snapshot?.Clock);
        Assert.Equal([31L, 32L, 33L, 34L, 35L], current.Ops.Select(o => o.Clock));
        Assert.Equal(Canonical.Of(document), Canonical.Of(BoardDocument.Restore(current)));
        Assert.Equal(Enumerable.Range(23, 8).Select(c => (long)c), tail.Select(o => o.Clock));
    }

    /// <summary>
    /// Stores ops 1–30, a snapshot at clock 30 that retains the last 10 of them, then ops 31–35;
    /// returns the document those 35 ops make.
    /// </summary>
    private async Task<BoardDocument> StoreThirtyOpsSnapshotThenFiveMoreAsync()
    {
        var document = new BoardDocument();
        await _store.AppendAsync("board", BoardOpLogTests.OpsFrom(1, 30).ToList());
        foreach (var op in BoardOpLogTests.OpsFrom(1, 30))
        {
            document.Apply(op);
        }

        await _store.SaveSnapshotAsync("board", document.ToStoredSnapshot(), retainOps: 10);
        await _store.AppendAsync("board", BoardOpLogTests.OpsFrom(31, 35).ToList());
        foreach (var op in BoardOpLogTests.OpsFrom(31, 35))
        {
            document.Apply(op);
        }

        return document;
    }
}
