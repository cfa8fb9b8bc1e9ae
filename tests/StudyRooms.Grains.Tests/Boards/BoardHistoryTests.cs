using StudyRooms.Contracts.Boards;
using StudyRooms.Contracts.Boards.History;
using StudyRooms.Contracts.Protocol;
using StudyRooms.Contracts.Rooms;
using StudyRooms.Grains.Boards;
using StudyRooms.Grains.Tests.Support;

namespace StudyRooms.Grains.Tests.Boards;

// Proves on a real silo with SQLite storage and a fake history clock that a board keeps its named
// history as P-HIST-1..3 say: automatic snapshots every interval while edited and only after a
// change, snapshots on request (the sprint hook), a bounded list, previews, and who may read them.
[Collection(HistoryClusterCollection.Name)]
public sealed class BoardHistoryTests(HistoryClusterFixture fixture)
{
    private static readonly BoardHistoryQuery Anyone = new() { UserId = "u_ada", ConnectionId = "conn_ada" };

    [Fact]
    public async Task AnAutomaticSnapshotIsTakenAtTheFirstEditAfterTheIntervalAndHoldsTheBoardBeforeIt_P_HIST_1()
    {
        var board = NewBoard();
        await board.PushOpsAsync(BoardGrainTests.Push("u_ada", "c_ada", "conn_ada", Ops.Create(1, "e1")));
        await board.PushOpsAsync(BoardGrainTests.Push("u_bob", "c_bob", "conn_bob", Ops.Create(1, "e2")));
        Assert.Empty((await board.ListHistoryAsync(Anyone)).Entries);

        fixture.HistoryClock.Advance(HistoryClusterFixture.Interval);
        await board.PushOpsAsync(BoardGrainTests.Push("u_ada", "c_ada", "conn_ada", Ops.Delete(2, "e1")));

        var entry = Assert.Single((await board.ListHistoryAsync(Anyone)).Entries);
        Assert.Equal((BoardHistoryReason.Auto, 2L, 2), (entry.Reason, entry.Clock, entry.ElementCount));
        Assert.Equal(["u_ada", "u_bob"], entry.EditorIds);
        Assert.Equal(fixture.HistoryClock.GetUtcNow(), entry.CreatedAt);
        var preview = await board.PreviewHistoryAsync(Anyone with { SnapshotId = entry.Id });
        Assert.Equal(["e1", "e2"], preview.Elements.Select(e => e.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task NoAutomaticSnapshotWithoutAChangeOrBeforeTheInterval_P_HIST_1()
    {
        var board = NewBoard();
        await board.PushOpsAsync(BoardGrainTests.Push("u_ada", "c_ada", "conn_ada", Ops.Create(1, "e1")));
        fixture.HistoryClock.Advance(HistoryClusterFixture.Interval);
        await board.PushOpsAsync(BoardGrainTests.Push("u_ada", "c_ada", "conn_ada", Ops.Create(2, "e2")));
        Assert.Single((await board.ListHistoryAsync(Anyone)).Entries);

        // Edits within the interval after it take none.
        fixture.HistoryClock.Advance(HistoryClusterFixture.Interval - TimeSpan.FromSeconds(1));
        await board.PushOpsAsync(BoardGrainTests.Push("u_ada", "c_ada", "conn_ada", Ops.Create(3, "e3")));
        Assert.Single((await board.ListHistoryAsync(Anyone)).Entries);

        // After a snapshot that holds every edit, nothing is due: not on a resend (no change), not when the board goes idle.
        await board.SaveHistorySnapshotAsync("mark");
        fixture.HistoryClock.Advance(HistoryClusterFixture.Interval);
        await board.PushOpsAsync(BoardGrainTests.Push("u_ada", "c_ada", "conn_ada", Ops.Create(3, "e3")));
        await fixture.DeactivateAsync(board);
        Assert.Equal(["mark", BoardHistoryRecorder.AutoLabel], (await board.ListHistoryAsync(Anyone)).Entries.Select(e => e.Label));
    }

    [Fact]
    public async Task ARequestedSnapshotIsStoredAtOnceWithItsLabelEvenWithoutAChange_P_HIST_1()
    {
        var board = NewBoard();
        await board.PushOpsAsync(BoardGrainTests.Push("u_ada", "c_ada", "conn_ada", Ops.Create(1, "e1")));

        var first = await board.SaveHistorySnapshotAsync("  Sprint 1 started ");
        var second = await board.SaveHistorySnapshotAsync("Sprint 1 ended");

        Assert.Equal(("Sprint 1 started", BoardHistoryReason.Requested, 1, 1L), (first.Label, first.Reason, first.ElementCount, first.Clock));
        Assert.Equal(["u_ada"], first.EditorIds);
        Assert.Empty(second.EditorIds);
        var roomId = board.GetPrimaryKeyString();
        var onDisk = await fixture.OpenStoreOnDisk().ListHistoryAsync(roomId);
        Assert.Equal([second.Id, first.Id], onDisk.Select(e => e.Id));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("tab\tinside")]
    public async Task ARequestedSnapshotNeedsALabel_P_HIST_1(string label)
    {
        var board = NewBoard();

        var refusal = await Assert.ThrowsAsync<StudyRoomsException>(() => board.SaveHistorySnapshotAsync(label));

        Assert.Equal(ErrorCodes.InvalidRequest, refusal.Code);
        Assert.Empty((await board.ListHistoryAsync(Anyone)).Entries);
    }

    [Fact]
    public async Task TheHistoryKeepsOnlyTheNewestSnapshots_P_HIST_1()
    {
        var board = NewBoard();
        var saved = new List<string>();
        for (var i = 1; i <= HistoryClusterFixture.Keep + 2; i++)
        {
            await board.PushOpsAsync(BoardGrainTests.Push("u_ada", "c_ada", "conn_ada", Ops.Create(i, $"e{i}")));
            saved.Add((await board.SaveHistorySnapshotAsync($"v{i}")).Id);
        }

        var entries = (await board.ListHistoryAsync(Anyone)).Entries;

        Assert.Equal(saved.AsEnumerable().Reverse().Take(HistoryClusterFixture.Keep), entries.Select(e => e.Id));
        Assert.Equal([5, 4, 3], entries.Select(e => e.ElementCount));
        var dropped = await Assert.ThrowsAsync<StudyRoomsException>(() => board.PreviewHistoryAsync(Anyone with { SnapshotId = saved[0] }));
        Assert.Equal(ErrorCodes.SnapshotNotFound, dropped.Code);
    }

    [Fact]
    public async Task HistoryIsNotTheCompactionSnapshotAndSurvivesAReactivation_P_HIST_1()
    {
        var board = NewBoard();
        await board.PushOpsAsync(BoardGrainTests.Push("u_ada", "c_ada", "conn_ada", Ops.Create(1, "e1")));
        var entry = await board.SaveHistorySnapshotAsync("before the cleanup");
        await board.PushOpsAsync(BoardGrainTests.Push("u_ada", "c_ada", "conn_ada", Ops.Delete(2, "e1")));

        await fixture.DeactivateAsync(board);

        // The board went idle with a change since the last snapshot: it keeps that too.
        var entries = (await board.ListHistoryAsync(Anyone)).Entries;
        Assert.Equal(2, entries.Length);
        Assert.Equal((BoardHistoryReason.Auto, 2L, 0), (entries[0].Reason, entries[0].Clock, entries[0].ElementCount));
        Assert.Equal(entry, entries[1] with { EditorIds = entry.EditorIds });
        Assert.Equal(["e1"], (await board.PreviewHistoryAsync(Anyone with { SnapshotId = entry.Id })).Elements.Select(e => e.Id));
        Assert.Equal(2, (await board.GetSnapshotAsync()).Clock);
        Assert.Null((await fixture.OpenStoreOnDisk().LoadAsync(board.GetPrimaryKeyString())).Snapshot);
    }

    [Fact]
    public async Task OnlyMembersAndAboveInTheRoomMayReadTheHistory_P_HIST_2()
    {
        var board = NewBoard();
        await board.SaveHistorySnapshotAsync("start");
        await board.SetAccessAsync(new BoardAccess
        {
            EditorConnections = ["conn_member"],
            ViewerConnections = ["conn_viewer"],
            ModeratorIds = ["u_owner"],
            ReadOnly = true,
        });

        var viewer = await Assert.ThrowsAsync<StudyRoomsException>(() => board.ListHistoryAsync(new() { UserId = "u_viewer", ConnectionId = "conn_viewer" }));
        var stranger = await Assert.ThrowsAsync<StudyRoomsException>(() => board.ListHistoryAsync(new() { UserId = "u_x", ConnectionId = "conn_x" }));
        var member = await board.ListHistoryAsync(new() { UserId = "u_member", ConnectionId = "conn_member" });

        Assert.Equal(ErrorCodes.Forbidden, viewer.Code);
        Assert.Equal(ErrorCodes.NotInRoom, stranger.Code);
        // A read-only room stops members editing, not reading the history.
        Assert.Single(member.Entries);
    }

    [Fact]
    public async Task HistoryReadsAreRateLimitedPerUser_P_HIST_2()
    {
        var board = NewBoard();
        var refusals = 0;
        for (var i = 0; i < BoardGrain.HistoryReadBurst + 5; i++)
        {
            try
            {
                await board.ListHistoryAsync(Anyone);
            }
            catch (StudyRoomsException e) when (e.Code == ErrorCodes.RateLimited)
            {
                refusals++;
            }
        }

        Assert.InRange(refusals, 1, 5);
        await board.ListHistoryAsync(Anyone with { UserId = "u_bob" });
    }

    private IBoardGrain NewBoard() => fixture.Grains.GetGrain<IBoardGrain>(TestIds.Room());
}
