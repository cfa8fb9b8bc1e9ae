using StudyRooms.Contracts.Boards;
using StudyRooms.Contracts.Rooms;
using StudyRooms.Grains.Tests.Cluster;
using StudyRooms.Grains.Tests.Support;

namespace StudyRooms.Grains.Tests.Boards;

// Proves on a real silo what the board tells the broadcaster about the servers holding its room
// (P-OPS-9): the room names each joiner's server to the board before the joiner's snapshot, the
// list never shrinks while the room is active, and a board that published an op once names no
// servers again, so a direct send can never overtake an op still in Redis.
[Collection(ClusterCollection.Name)]
public sealed class BoardFanOutTests(ClusterFixture fixture)
{
    private const string OtherServer = "other-server";

    [Fact]
    public async Task ARoomHeldByOneServerIsNamedUntilASecondServerJoinsAndNeverAgainAfterAPublish_P_OPS_9()
    {
        var (roomId, room, board) = await NewRoomAsync();
        await room.JoinAsync(Join("u_ada", "conn_ada", RecordingBroadcaster.ThisServer));
        await room.JoinAsync(Join("u_cy", "conn_cy", RecordingBroadcaster.ThisServer));

        await board.PushOpsAsync(BoardGrainTests.Push("u_ada", "c_ada", "conn_ada", Ops.Create(1, "e1")));
        await board.PushOpsAsync(BoardGrainTests.Push("u_cy", "c_cy", "conn_cy", Ops.Create(1, "e2")));
        Assert.All(OpsEvents(roomId), e => Assert.Equal([RecordingBroadcaster.ThisServer], e.RoomServers!));

        await room.JoinAsync(Join("u_bob", "conn_bob", OtherServer));
        await board.PushOpsAsync(BoardGrainTests.Push("u_ada", "c_ada", "conn_ada", Ops.Create(2, "e3")));
        var afterBob = OpsEvents(roomId)[^1];
        Assert.Equal([OtherServer, RecordingBroadcaster.ThisServer], afterBob.RoomServers!.Order(StringComparer.Ordinal));

        // Bob leaves: the room is held by one server again, but the board published, so it keeps publishing.
        await room.LeaveAsync(new LeaveRoomCommand { UserId = "u_bob", ConnectionId = "conn_bob" });
        Assert.Contains(OtherServer, (await room.GetBoardAccessAsync())!.Servers);
        await board.PushOpsAsync(BoardGrainTests.Push("u_ada", "c_ada", "conn_ada", Ops.Create(3, "e4")));
        Assert.Null(OpsEvents(roomId)[^1].RoomServers);

        // A new activation of the board starts over from what the room says.
        await fixture.DeactivateAsync(board);
        await board.PushOpsAsync(BoardGrainTests.Push("u_ada", "c_ada", "conn_ada", Ops.Create(4, "e5")));
        Assert.Equal([OtherServer, RecordingBroadcaster.ThisServer], OpsEvents(roomId)[^1].RoomServers!.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AnOpCommittedRightAfterAJoinersSnapshotNamesTheJoinersServer_P_OPS_9()
    {
        var (roomId, room, board) = await NewRoomAsync();
        await room.JoinAsync(Join("u_ada", "conn_ada", RecordingBroadcaster.ThisServer));
        await board.PushOpsAsync(BoardGrainTests.Push("u_ada", "c_ada", "conn_ada", Ops.Create(1, "e1")));

        // Ada's edit lands inside Bob's join, after his snapshot was taken (his join is announced
        // after it) and before the join answers.
        fixture.Broadcaster.OnNextJoin(roomId, () => board.PushOpsAsync(BoardGrainTests.Push("u_ada", "c_ada", "conn_ada", Ops.Create(2, "e2"))));
        var bobJoined = await room.JoinAsync(Join("u_bob", "conn_bob", OtherServer));

        Assert.DoesNotContain(bobJoined.Board!.Elements, e => e.Id == "e2");
        var inJoin = Assert.Single(OpsEvents(roomId), e => e.Event is OpsApplied { Ops: [{ ElementId: "e2" }] });
        Assert.Contains(OtherServer, inJoin.RoomServers!);
    }

    [Fact]
    public async Task AConnectionWithoutANamedServerKeepsTheBoardOnTheBackplane_P_OPS_9()
    {
        var (roomId, room, board) = await NewRoomAsync();
        await room.JoinAsync(Join("u_ada", "conn_ada", RecordingBroadcaster.ThisServer));
        await room.JoinAsync(Join("u_bob", "conn_bob", server: null));

        await board.PushOpsAsync(BoardGrainTests.Push("u_ada", "c_ada", "conn_ada", Ops.Create(1, "e1")));

        Assert.NotEqual([RecordingBroadcaster.ThisServer], OpsEvents(roomId)[^1].RoomServers);
    }

    private async Task<(string RoomId, IRoomGrain Room, IBoardGrain Board)> NewRoomAsync()
    {
        var roomId = TestIds.Room();
        var room = fixture.Grains.GetGrain<IRoomGrain>(roomId);
        await room.CreateAsync(new CreateRoomCommand { Name = "Fan-out", Topic = "", OwnerId = "u_ada" });
        return (roomId, room, fixture.Grains.GetGrain<IBoardGrain>(roomId));
    }

    private static JoinRoomCommand Join(string userId, string connectionId, string? server) =>
        new() { UserId = userId, DisplayName = userId, ConnectionId = connectionId, Server = server };

    private List<RecordedEvent> OpsEvents(string roomId) =>
        fixture.Broadcaster.For(roomId).Where(e => e.Event is OpsApplied).ToList();
}
