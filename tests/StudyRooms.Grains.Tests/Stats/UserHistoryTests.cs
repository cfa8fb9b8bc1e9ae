using StudyRooms.Contracts.Stats;
using StudyRooms.Grains.Stats;
using static StudyRooms.Grains.Tests.Stats.Credits;

namespace StudyRooms.Grains.Tests.Stats;

// Proves the write rules of a user's history: one credit per (room, sprint, block), never more than
// the block lasted, bounded by retention and a block cap with totals kept, and recaps replaced per
// block (docs/stats.md S-FAIR-1, S-KEEP-1..2).
public sealed class UserHistoryTests
{
    private static readonly DateTimeOffset Now = Utc("2026-11-29T21:00:00Z");

    [Fact]
    public void ASecondCreditForTheSameBlockIsIgnored_S_KEEP_1()
    {
        var history = new UserHistory(new UserStatsState());
        var credit = Block("u", "room", "s1", 0, Now.AddHours(-1), TimeSpan.FromMinutes(25));

        Assert.True(history.AddCredit(credit, Now));
        Assert.False(history.AddCredit(credit, Now));
        Assert.False(history.AddCredit(credit with { Credited = TimeSpan.FromMinutes(20) }, Now));
        Assert.True(history.AddCredit(credit with { BlockIndex = 1 }, Now));
        Assert.True(history.AddCredit(credit with { RoomId = "other" }, Now));

        Assert.Equal(3, history.State.Blocks.Count);
    }

    [Fact]
    public void ACreditIsNeverMoreThanTheBlockLasted_S_FAIR_1()
    {
        var history = new UserHistory(new UserStatsState());

        history.AddCredit(Block("u", "room", "s1", 0, Now.AddHours(-1), TimeSpan.FromMinutes(25), credited: TimeSpan.FromHours(3)), Now);

        Assert.Equal(TimeSpan.FromMinutes(25), history.State.Blocks.Single().Credited);
    }

    [Fact]
    public void ZeroCreditsAreNotKept_S_FAIR_1()
    {
        var history = new UserHistory(new UserStatsState());

        Assert.False(history.AddCredit(Block("u", "room", "s1", 0, Now.AddHours(-1), TimeSpan.FromMinutes(25), credited: TimeSpan.Zero), Now));
        Assert.False(history.AddCredit(Block("u", "room", "s1", 1, Now.AddHours(-1), TimeSpan.FromMinutes(25), credited: TimeSpan.FromMinutes(-5)), Now));
        Assert.Empty(history.State.Blocks);
    }

    [Fact]
    public void ABlockThatEndsBeforeItStartsIsRefused()
    {
        var history = new UserHistory(new UserStatsState());

        Assert.Throws<ArgumentException>(() => history.AddCredit(Block("u", "room", "s1", 0, Now, TimeSpan.FromMinutes(-5)), Now));
    }

    [Fact]
    public void BlocksAreKeptInEndOrderWhateverTheArrivalOrder()
    {
        var history = new UserHistory(new UserStatsState());

        history.AddCredit(Block("u", "room", "s1", 2, Now.AddHours(-1), TimeSpan.FromMinutes(25)), Now);
        history.AddCredit(Block("u", "room", "s1", 0, Now.AddHours(-3), TimeSpan.FromMinutes(25)), Now);
        history.AddCredit(Block("u", "room", "s1", 1, Now.AddHours(-2), TimeSpan.FromMinutes(25)), Now);

        Assert.Equal([0, 1, 2], history.State.Blocks.Select(b => b.BlockIndex));
    }

    [Fact]
    public void BlocksOlderThanTheRetentionAreFoldedIntoTotals_S_KEEP_2()
    {
        var history = new UserHistory(new UserStatsState());
        var old = Block("u", "room", "s0", 0, Now.AddDays(-300), TimeSpan.FromMinutes(50), completesSprint: true);
        history.AddCredit(old, Now);

        // 150 days later the block is 450 days old and leaves the window when the next credit arrives.
        var later = Now.AddDays(150);
        history.AddCredit(Block("u", "room", "s1", 0, later.AddHours(-1), TimeSpan.FromMinutes(25)), later);

        Assert.Equal("s1", history.State.Blocks.Single().SprintId);
        Assert.Equal(TimeSpan.FromMinutes(50), history.State.FoldedCredited);
        Assert.Equal(1, history.State.FoldedBlocks);
        Assert.Equal(1, history.State.FoldedSprintsCompleted);
        Assert.Equal(old.BlockEndedAt, history.State.FoldedThrough);

        var stats = UserStatsCalculator.Compute(history.State, "UTC", TimeZoneInfo.Utc, later);
        Assert.Equal(75, stats.TotalFocusMinutes);
        Assert.Equal(2, stats.FocusBlocks);
        Assert.Equal(1, stats.SprintsCompleted);

        // A repeat of the folded credit, or any credit older than the window, can no longer be checked and is ignored.
        Assert.False(history.AddCredit(old, later));
        Assert.False(history.AddCredit(Block("u", "room", "s9", 0, later.AddDays(-401), TimeSpan.FromMinutes(25)), later));
    }

    [Fact]
    public void TheBlockCapFoldsTheOldestBlocks_S_KEEP_2()
    {
        var history = new UserHistory(new UserStatsState());
        var start = Now.AddDays(-300);
        for (var i = 0; i < UserHistory.MaxBlocks + 3; i++)
        {
            history.AddCredit(Block("u", "room", "s", i, start.AddHours(i), TimeSpan.FromMinutes(30)), Now);
        }

        Assert.Equal(UserHistory.MaxBlocks, history.State.Blocks.Count);
        Assert.Equal(3, history.State.FoldedBlocks);
        Assert.Equal(TimeSpan.FromMinutes(90), history.State.FoldedCredited);
        Assert.Equal(3, history.State.Blocks[0].BlockIndex);
        Assert.False(history.AddCredit(Block("u", "room", "s", 1, start.AddHours(1), TimeSpan.FromMinutes(30)), Now));
        Assert.Equal((UserHistory.MaxBlocks + 3) * 30, UserStatsCalculator.Compute(history.State, "UTC", TimeZoneInfo.Utc, Now).TotalFocusMinutes);
    }

    [Fact]
    public void AHistoryReopenedFromItsStateStillRecognisesRepeats_S_KEEP_1()
    {
        var state = new UserStatsState();
        var credit = Block("u", "room", "s1", 0, Now.AddHours(-1), TimeSpan.FromMinutes(25));
        new UserHistory(state).AddCredit(credit, Now);

        Assert.False(new UserHistory(state).AddCredit(credit, Now));
    }

    [Fact]
    public void ALaterRecapForTheSameBlockReplacesTheEarlierOne()
    {
        var history = new UserHistory(new UserStatsState());
        var first = Recap("u", "s1", 0, GoalOutcome.NotDone, Now);

        Assert.True(history.AddRecap(first));
        Assert.False(history.AddRecap(first));
        Assert.True(history.AddRecap(first with { Outcome = GoalOutcome.Done, Note = "finished after all", RecordedAt = Now.AddMinutes(1) }));
        Assert.True(history.AddRecap(Recap("u", "s1", 1, GoalOutcome.Partly, Now.AddMinutes(30))));

        Assert.Equal([GoalOutcome.Done, GoalOutcome.Partly], history.State.Recaps.Select(r => r.Outcome));
        Assert.Equal("finished after all", history.State.Recaps[0].Note);
    }

    [Fact]
    public void OldRecapsAreFoldedIntoOutcomeCounts_S_KEEP_2()
    {
        var history = new UserHistory(new UserStatsState());
        var outcomes = new[] { GoalOutcome.Done, GoalOutcome.Partly, GoalOutcome.NotDone };
        for (var i = 0; i < UserHistory.MaxRecaps + 3; i++)
        {
            history.AddRecap(Recap("u", "s", i, outcomes[i % 3], Now.AddMinutes(i)));
        }

        Assert.Equal(UserHistory.MaxRecaps, history.State.Recaps.Count);
        Assert.Equal((1, 1, 1), (history.State.FoldedDone, history.State.FoldedPartly, history.State.FoldedNotDone));
        var stats = UserStatsCalculator.Compute(history.State, "UTC", TimeZoneInfo.Utc, Now);
        Assert.Equal(UserHistory.MaxRecaps + 3, stats.Recaps);
        Assert.Equal((68 + 0.5 * 68) / 203, stats.GoalCompletionRate!.Value, 9); // 203 recaps: 68 done, 68 partly, 67 not done
    }
}
