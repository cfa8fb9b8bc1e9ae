using StudyRooms.Contracts.Boards;
using StudyRooms.Contracts.Rooms;
using StudyRooms.Grains.Boards;
using StudyRooms.Grains.Tests.Cluster;
using StudyRooms.Grains.Tests.Support;

namespace StudyRooms.Grains.Tests.Boards;

// Proves on a real silo with SQLite that a join with a known clock gets exactly the missed ops while
// the op log holds them, across reactivation too, and a full snapshot otherwise (P-JOIN-4, P-JOIN-5).
[Collection(ClusterCollection.Name)]
public sealed class BoardResumeTests(ClusterFixture fixture)
{
    [Fact]
    public async Task AKnownClockGetsExactlyTheMissedOpsInClockOrder_P_JOIN_4()
    {
        var board = NewBoard();
        await board.PushOpsAsync(BoardGrainTests.Push("u_ada", "c_ada", "conn_ada", Ops.Create(1, "e1"), Ops.Create(2, "e2")));
        await board.PushOpsAsync(BoardGrainTests.Push("u_bob", "c_bob", "conn_bob", Ops.Patch(1, "e1", new() { X = 5 }), Ops.Delete(2, "e2")));

        var catchUp = await board.CatchUpAsync(knownClock: 2);

        Assert.Null(catchUp.Board);
        Assert.Equal(4, catchUp.Resume!.Clock);
        Assert.Equal([(3L, ElementOpKind.Patch, "e1"), (4L, ElementOpKind.Delete, "e2")], catchUp.Resume.Ops.Select(o => (o.Clock, o.Kind, o.ElementId)));
        Assert.Equal(5, catchUp.Resume.Ops[0].Props!.X);
        Assert.Empty((await board.CatchUpAsync(knownClock: 4)).Resume!.Ops);
    }

    [Fact]
    public async Task NoKnownClockOrOneAheadOfTheBoardGetsTheSnapshot_P_JOIN_4()
    {
        var board = NewBoard();
        await board.PushOpsAsync(BoardGrainTests.Push("u_ada", "c_ada", "conn_ada", Ops.Create(1, "e1")));

        var first = await board.CatchUpAsync(knownClock: null);
        var ahead = await board.CatchUpAsync(knownClock: 7);

        Assert.Null(first.Resume);
        Assert.Equal("e1", Assert.Single(first.Board!.Elements).Id);
        Assert.Null(ahead.Resume);
        Assert.Equal(1, ahead.Board!.Clock);
    }

    [Fact]
    public async Task TheResumeWindowSurvivesReactivationAndOlderClocksGetTheSnapshot_P_JOIN_5()
    {
        var board = NewBoard();
        var retention = BoardSettings.Default.OpLogRetention;
        var perPush = BoardLimits.MaxOpsPerPush;
        // Enough ops that the log has been trimmed in memory and compacted in storage.
        var pushes = (retention / perPush) + 6;
        long seq = 1;
        for (var i = 0; i < pushes; i++)
        {
            await board.PushOpsAsync(BoardGrainTests.Push("u_ada", "c_ada", "conn_ada", BoardGrainTests.CreateMany("e", seq, perPush)));
            seq += perPush;
        }

        var clock = (long)pushes * perPush;
        var oldest = clock - retention;
        await AssertWindowAsync(board, clock, oldest);

        await fixture.DeactivateAsync(board);

        await AssertWindowAsync(board, clock, oldest);
    }

    [Fact]
    public async Task TheRoomJoinCarriesTheResume_P_JOIN_4()
    {
        var roomId = TestIds.Room();
        var room = fixture.Grains.GetGrain<IRoomGrain>(roomId);
        await room.CreateAsync(new CreateRoomCommand { Name = "Resume", Topic = "", OwnerId = "u_ada" });
        var board = fixture.Grains.GetGrain<IBoardGrain>(roomId);
        await room.JoinAsync(new JoinRoomCommand { UserId = "u_ada", DisplayName = "Ada", ConnectionId = "conn_ada" });
        await board.PushOpsAsync(BoardGrainTests.Push("u_ada", "c_ada", "conn_ada", Ops.Create(1, "e1"), Ops.Create(2, "e2")));

        var resumed = await room.JoinAsync(new JoinRoomCommand { UserId = "u_bob", DisplayName = "Bob", ConnectionId = "conn_bob", KnownClock = 1 });
        var fresh = await room.JoinAsync(new JoinRoomCommand { UserId = "u_cy", DisplayName = "Cy", ConnectionId = "conn_cy" });

        Assert.Null(resumed.Board);
        Assert.Equal("e2", Assert.Single(resumed.Resume!.Ops).ElementId);
        Assert.Null(fresh.Resume);
        Assert.Equal(2, fresh.Board!.Elements.Length);
    }

    private static async Task AssertWindowAsync(IBoardGrain board, long clock, long oldest)
    {
        var resumed = await board.CatchUpAsync(oldest);
        Assert.Null(resumed.Board);
        Assert.Equal(clock, resumed.Resume!.Clock);
        Assert.Equal(clock - oldest, resumed.Resume.Ops.Length);
        Assert.Equal(oldest + 1, resumed.Resume.Ops[0].Clock);

        var tooOld = await board.CatchUpAsync(oldest - 1);
        Assert.Null(tooOld.Resume);
        Assert.Equal(clock, tooOld.Board!.Clock);
    }

    private IBoardGrain NewBoard() => fixture.Grains.GetGrain<IBoardGrain>(TestIds.Room());
}
