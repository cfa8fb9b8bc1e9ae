using StudyRooms.Contracts.Boards;
using StudyRooms.Grains.Boards;
using StudyRooms.Grains.Tests.Cluster;
using StudyRooms.Grains.Tests.Support;

namespace StudyRooms.Grains.Tests.Boards;

// Proves that a board lives in SQLite, not in its activation: a fresh activation rebuilds the same
// board and still recognises resends, also after the grain compacted its log into a snapshot.
[Collection(ClusterCollection.Name)]
public sealed class BoardDurabilityTests(ClusterFixture fixture)
{
    [Fact]
    public async Task AFreshActivationLoadsTheSameBoardFromSqlite_P_OPS_2()
    {
        var (_, board) = NewBoard();
        await board.PushOpsAsync(BoardGrainTests.Push("u_ada", "c_ada", "conn_ada",
            Ops.Create(1, "e1"), Ops.Create(2, "e2"), Ops.Create(3, "e3", new() { Text = "∑ 😀", X = -5 }, type: "text")));
        await board.PushOpsAsync(BoardGrainTests.Push("u_bob", "c_bob", "conn_bob",
            Ops.Patch(1, "e1", new() { StrokeColor = "#e03131" }), Ops.Delete(2, "e2")));
        var before = await board.GetSnapshotAsync();
        var firstActivation = fixture.ActivationOf(board);

        await fixture.DeactivateAsync(board);
        var after = await board.GetSnapshotAsync();

        Assert.NotNull(firstActivation);
        Assert.NotEqual(firstActivation, fixture.ActivationOf(board));
        Assert.Equal(5, after.Clock);
        Assert.Equal(Canonical.Of(before), Canonical.Of(after));
    }

    [Fact]
    public async Task AFreshActivationStillRecognisesResendsAndContinuesTheClock_P_OPS_1_P_OPS_3()
    {
        var (_, board) = NewBoard();
        var push = BoardGrainTests.Push("u_ada", "c_ada", "conn_ada", Ops.Create(1, "e1"), Ops.Create(2, "e2"));
        await board.PushOpsAsync(push);

        await fixture.DeactivateAsync(board);
        var resent = await board.PushOpsAsync(push with { Ops = [.. push.Ops, Ops.Delete(3, "e1")] });

        Assert.Equal([0L, 0L, 3L], resent.Acks.Select(a => a.Clock));
        Assert.Equal("e2", Assert.Single((await board.GetSnapshotAsync()).Elements).Id);
    }

    [Fact]
    public async Task CompactionWritesASnapshotAndTheReloadedBoardIsIdentical()
    {
        var (roomId, board) = NewBoard();
        // The board's own interval (its stagger included); the snapshot comes with the push that reaches it.
        var interval = BoardSettings.Default.SnapshotIntervalFor(roomId);
        var snapshotAt = (interval + BoardLimits.MaxOpsPerPush - 1) / BoardLimits.MaxOpsPerPush * BoardLimits.MaxOpsPerPush;
        var pushes = (snapshotAt / BoardLimits.MaxOpsPerPush) + 1;
        long seq = 1;
        for (var i = 0; i < pushes; i++)
        {
            await board.PushOpsAsync(BoardGrainTests.Push("u_ada", "c_ada", "conn_ada", BoardGrainTests.CreateMany("e", seq, BoardLimits.MaxOpsPerPush)));
            seq += BoardLimits.MaxOpsPerPush;
        }

        // Edits after the snapshot must survive too: a patch and a delete of elements the snapshot holds.
        await board.PushOpsAsync(BoardGrainTests.Push("u_bob", "c_bob", "conn_bob",
            Ops.Patch(1, "e1", new() { X = 777 }), Ops.Delete(2, "e2")));
        var totalOps = (pushes * BoardLimits.MaxOpsPerPush) + 2;
        var before = await board.GetSnapshotAsync();
        Assert.Equal(totalOps, before.Clock);

        // The snapshot is written off the grain's turn; the op log keeps its retained tail (P-JOIN-4).
        var store = fixture.OpenStoreOnDisk();
        var onDisk = await Poll.UntilAsync(
            () => store.LoadAsync(roomId).GetAwaiter().GetResult() is { Snapshot: not null } loaded ? loaded : null,
            "the snapshot on disk");
        Assert.Equal(snapshotAt, onDisk.Snapshot!.Clock);
        Assert.Equal(snapshotAt, onDisk.Snapshot.Elements.Length);
        Assert.Equal(Enumerable.Range(1, totalOps).Select(c => (long)c), onDisk.Ops.Select(o => o.Clock));

        await fixture.DeactivateAsync(board);
        var after = await board.GetSnapshotAsync();

        Assert.Equal(Canonical.Of(before), Canonical.Of(after));
        Assert.Equal(777, after.Elements.Single(e => e.Id == "e1").Props.X);

        // The client sequences came back from the snapshot: an op it covers is a resend.
        var resent = await board.PushOpsAsync(BoardGrainTests.Push("u_ada", "c_ada", "conn_ada", Ops.Create(5, "e5")));
        Assert.Equal(0, Assert.Single(resent.Acks).Clock);
    }

    private (string RoomId, IBoardGrain Board) NewBoard()
    {
        var roomId = TestIds.Room();
        return (roomId, fixture.Grains.GetGrain<IBoardGrain>(roomId));
    }
}
