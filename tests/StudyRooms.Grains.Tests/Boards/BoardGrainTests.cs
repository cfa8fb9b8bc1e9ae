using StudyRooms.Contracts.Boards;
using StudyRooms.Contracts.Protocol;
using StudyRooms.Grains.Boards;
using StudyRooms.Grains.Tests.Cluster;
using StudyRooms.Grains.Tests.Support;

namespace StudyRooms.Grains.Tests.Boards;

// Proves on a real silo with SQLite storage that the board grain orders, stores, acknowledges and
// broadcasts pushes as P-OPS-1/2/3/6/7 say, and that a refused push changes nothing (P-ERR-3).
[Collection(ClusterCollection.Name)]
public sealed class BoardGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task PushAssignsClocksAndBroadcastsToEveryoneButThePusher_P_OPS_1_P_OPS_7()
    {
        var (roomId, board) = NewBoard();

        var first = await board.PushOpsAsync(Push("u_ada", "c_ada", "conn_ada", Ops.Create(1, "e1"), Ops.Create(2, "e2")));
        var second = await board.PushOpsAsync(Push("u_bob", "c_bob", "conn_bob", Ops.Patch(1, "e1", new() { X = 42 })));

        Assert.Equal(2, first.Clock);
        Assert.Equal([new OpAck { ClientSeq = 1, Clock = 1 }, new OpAck { ClientSeq = 2, Clock = 2 }], first.Acks);
        Assert.Equal(3, second.Clock);

        var events = await Poll.UntilAsync(
            () => fixture.Broadcaster.For(roomId) is { Count: >= 2 } recorded ? recorded : null,
            "two OpsApplied events");
        Assert.Equal(["conn_ada", "conn_bob"], events.Select(e => e.ExceptConnectionId));
        var fromAda = Assert.IsType<OpsApplied>(events[0].Event);
        Assert.Equal((roomId, "u_ada", "c_ada"), (fromAda.RoomId, fromAda.AuthorId, fromAda.ClientId));
        Assert.Equal([(1L, ElementOpKind.Create, "e1"), (2L, ElementOpKind.Create, "e2")], fromAda.Ops.Select(o => (o.Clock, o.Kind, o.ElementId)));
        var fromBob = Assert.IsType<OpsApplied>(events[1].Event);
        Assert.Equal(42, Assert.Single(fromBob.Ops).Props?.X);
    }

    [Fact]
    public async Task PushedOpsAreInSqliteBeforeTheAnswer_P_OPS_2()
    {
        var (roomId, board) = NewBoard();

        await board.PushOpsAsync(Push("u_ada", "c_ada", "conn_ada", Ops.Create(1, "e1"), Ops.Delete(2, "e1")));

        var stored = await fixture.OpenStoreOnDisk().LoadAsync(roomId);
        Assert.Equal([(1L, "c_ada", 1L), (2L, "c_ada", 2L)], stored.Ops.Select(o => (o.Clock, o.ClientId, o.ClientSeq)));
    }

    [Fact]
    public async Task ResendAfterALostAnswerIsAckedWithClockZeroAndChangesNothing_P_OPS_3()
    {
        var (roomId, board) = NewBoard();
        var push = Push("u_ada", "c_ada", "conn_ada", Ops.Create(1, "e1"), Ops.Create(2, "e2"));
        await board.PushOpsAsync(push);
        var before = await board.GetSnapshotAsync();

        // The client never saw the answer (e.g. its connection dropped) and sends the same push again.
        var resent = await board.PushOpsAsync(push with { ConnectionId = "conn_ada_reconnected" });

        Assert.Equal(2, resent.Clock);
        Assert.Equal([new OpAck { ClientSeq = 1, Clock = 0 }, new OpAck { ClientSeq = 2, Clock = 0 }], resent.Acks);
        Assert.Equal(Canonical.Of(before), Canonical.Of(await board.GetSnapshotAsync()));
        Assert.Single(fixture.Broadcaster.For<OpsApplied>(roomId));
        Assert.Equal(2, (await fixture.OpenStoreOnDisk().LoadAsync(roomId)).Ops.Count);
    }

    [Fact]
    public async Task PushWithOneInvalidOpIsRefusedWholeAcrossTheGrainCall_P_ERR_3()
    {
        var (roomId, board) = NewBoard();
        await board.PushOpsAsync(Push("u_ada", "c_ada", "conn_ada", Ops.Create(1, "e1")));
        var before = await board.GetSnapshotAsync();

        var refusal = await Assert.ThrowsAsync<StudyRoomsException>(() => board.PushOpsAsync(Push(
            "u_ada",
            "c_ada",
            "conn_ada",
            Ops.Create(2, "e2"),
            Ops.Patch(3, "e1", new() { Opacity = 2 }))));

        Assert.Equal(ErrorCodes.InvalidRequest, refusal.Code);
        Assert.StartsWith("ops[1]: opacity", refusal.Reason, StringComparison.Ordinal);
        Assert.Equal(Canonical.Of(before), Canonical.Of(await board.GetSnapshotAsync()));
        Assert.Single(fixture.Broadcaster.For<OpsApplied>(roomId));
        Assert.Single((await fixture.OpenStoreOnDisk().LoadAsync(roomId)).Ops);
    }

    [Theory]
    [InlineData("", 1)]
    [InlineData("client id with spaces", 1)]
    [InlineData("c_ok", 0)]
    [InlineData("c_ok", 201)]
    public async Task BadClientIdOrOpCountIsRefused_P_JOIN_1_P_OPS_4(string clientId, int opCount)
    {
        var (_, board) = NewBoard();
        var ops = Enumerable.Range(1, opCount).Select(i => Ops.Create(i, $"e{i}")).ToArray();

        var refusal = await Assert.ThrowsAsync<StudyRoomsException>(() => board.PushOpsAsync(Push("u_ada", clientId, "conn_ada", ops)));

        Assert.Equal(ErrorCodes.InvalidRequest, refusal.Code);
        Assert.Equal(0, (await board.GetSnapshotAsync()).Clock);
    }

    [Fact]
    public async Task TwoHundredOpsFitInOnePush_P_OPS_4()
    {
        var (_, board) = NewBoard();

        var result = await board.PushOpsAsync(Push("u_ada", "c_ada", "conn_ada", CreateMany("e", 1, BoardLimits.MaxOpsPerPush)));

        Assert.Equal(200, result.Clock);
        Assert.Equal(200, (await board.GetSnapshotAsync()).Elements.Length);
    }

    [Fact]
    public async Task PushesAboveTheBurstAreRateLimitedAndApplyNothing_P_OPS_6()
    {
        var (roomId, board) = NewBoard();

        // 300 pushes at once from one user, one create each, from separate tabs so their order does
        // not matter. The grain serves them far faster than 60 per second refills the burst of 120.
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 300).Select(async i =>
        {
            var elementId = $"e{i}";
            try
            {
                await board.PushOpsAsync(Push("u_ada", $"c_{i}", $"conn_{i}", Ops.Create(1, elementId)));
                return (elementId, Code: (string?)null);
            }
            catch (StudyRoomsException e)
            {
                return (elementId, Code: e.Code);
            }
        }));

        var accepted = outcomes.Where(o => o.Code is null).Select(o => o.elementId).ToHashSet();
        var refused = outcomes.Where(o => o.Code is not null).ToList();
        Assert.InRange(accepted.Count, (int)BoardSettings.Default.PushBurst, 299);
        Assert.All(refused, o => Assert.Equal(ErrorCodes.RateLimited, o.Code));

        // Exactly the accepted pushes are on the board, in storage and broadcast (in clock order,
        // P-OPS-7); the refused left no trace.
        var snapshot = await board.GetSnapshotAsync();
        Assert.Equal(accepted.Count, snapshot.Clock);
        Assert.Equal(accepted.Order(StringComparer.Ordinal), snapshot.Elements.Select(e => e.Id).Order(StringComparer.Ordinal));
        Assert.Equal(accepted.Count, (await fixture.OpenStoreOnDisk().LoadAsync(roomId)).Ops.Count);
        var broadcastClocks = fixture.Broadcaster.For<OpsApplied>(roomId).SelectMany(e => e.Ops).Select(o => o.Clock);
        Assert.Equal(Enumerable.Range(1, accepted.Count).Select(c => (long)c), broadcastClocks);

        // The limit is per user: someone else may still push.
        var other = await board.PushOpsAsync(Push("u_bob", "c_bob", "conn_bob", Ops.Create(1, "bob-1")));
        Assert.Equal(accepted.Count + 1, other.Clock);
    }

    [Fact]
    public async Task APushWhoseAppendFailsIsNeitherAppliedNorBroadcast_P_OPS_2_P_ERR_3()
    {
        var (roomId, board) = NewBoard();
        await board.PushOpsAsync(Push("u_ada", "c_ada", "conn_ada", Ops.Create(1, "e1")));
        var before = await board.GetSnapshotAsync();

        await using (await fixture.HideTableAsync("board_ops"))
        {
            await Assert.ThrowsAnyAsync<Exception>(() => board.PushOpsAsync(Push("u_ada", "c_ada", "conn_ada", Ops.Create(2, "e2"))));
        }

        Assert.Equal(Canonical.Of(before), Canonical.Of(await board.GetSnapshotAsync()));
        Assert.Single(fixture.Broadcaster.For<OpsApplied>(roomId));

        // Nothing was acknowledged, so the client resends; it is applied now, with the next clock.
        var resent = await board.PushOpsAsync(Push("u_ada", "c_ada", "conn_ada", Ops.Create(2, "e2")));
        Assert.Equal(2, Assert.Single(resent.Acks).Clock);
    }

    [Fact]
    public async Task AnotherUserCannotSilenceAClientByReusingItsClientId_P_OPS_3()
    {
        var (roomId, board) = NewBoard();
        await board.PushOpsAsync(Push("u_ada", "c_ada_tab", "conn_ada", Ops.Create(1, "ada-1")));

        // Bob's connection received Ada's OpsApplied, clientId included (P-OPS-7); he pushes with it.
        var seen = Assert.Single(await fixture.Broadcaster.WaitForAsync<OpsApplied>(roomId));
        await board.PushOpsAsync(Push("u_bob", seen.ClientId, "conn_bob", Ops.Create(1_000_000, "bob-1")));

        var next = await board.PushOpsAsync(Push("u_ada", "c_ada_tab", "conn_ada", Ops.Create(2, "ada-2")));

        // Today the ack says clock 0 ("already applied") and Ada's edit is silently lost.
        Assert.Equal(3, Assert.Single(next.Acks).Clock);
        Assert.Contains((await board.GetSnapshotAsync()).Elements, e => e.Id == "ada-2");
    }

    internal static PushOpsCommand Push(string userId, string clientId, string connectionId, params ElementOp[] ops) =>
        new() { UserId = userId, ClientId = clientId, ConnectionId = connectionId, Ops = ops };

    internal static ElementOp[] CreateMany(string prefix, long firstSeq, int count) =>
        Enumerable.Range(0, count)
            .Select(i => Ops.Create(firstSeq + i, $"{prefix}{firstSeq + i}", Ops.Stroke(i, -i)))
            .ToArray();

    private (string RoomId, IBoardGrain Board) NewBoard()
    {
        var roomId = TestIds.Room();
        return (roomId, fixture.Grains.GetGrain<IBoardGrain>(roomId));
    }
}
