using StudyRooms.Contracts.Stats;
using StudyRooms.Grains.Stats;
using static StudyRooms.Grains.Tests.Stats.Credits;

namespace StudyRooms.Grains.Tests.Stats;

// Proves a user's figures from a history: totals, this local week, today, sprints completed, goal
// completion rate, streaks, the 7-day week and the 84-day heatmap aligned to ISO weeks, and the
// newest recaps first (docs/stats.md S-USER-1..4).
public sealed class UserStatsCalculatorTests
{
    // Sunday 29 November 2026, 21:00 UTC = 22:00 in Berlin.
    private static readonly DateTimeOffset Now = Utc("2026-11-29T21:00:00Z");

    [Fact]
    public void TotalsWeekAndTodayFollowTheLocalCalendar_S_USER_1()
    {
        var history = History(
            Block("s1", 0, "2026-11-29T20:00:00Z", 25),                 // today
            Block("s1", 1, "2026-11-23T08:00:00Z", 50),                 // Monday of this week
            Block("s0", 0, "2026-11-22T22:30:00Z", 20),                 // Sunday 23:30 Berlin: last week
            Block("s0", 1, "2026-01-05T10:00:00Z", 90, completes: true)); // long ago

        var stats = UserStatsCalculator.Compute(history, "Europe/Berlin", Zone("Europe/Berlin"), Now);

        Assert.Equal("Europe/Berlin", stats.TimeZone);
        Assert.Equal(new DateOnly(2026, 11, 29), stats.Today);
        Assert.Equal(185, stats.TotalFocusMinutes);
        Assert.Equal(75, stats.WeekFocusMinutes);
        Assert.Equal(25, stats.TodayFocusMinutes);
        Assert.Equal(4, stats.FocusBlocks);
        Assert.Equal(1, stats.SprintsCompleted);
        Assert.Equal(10, stats.StreakDayMinutes);
    }

    [Fact]
    public void TheSameHistoryReadsDifferentlyInAnotherZone_S_USER_1()
    {
        // 22:30 UTC on Sunday 22 Nov is 23:30 that Sunday in Berlin (last week) but 07:30 on Monday
        // 23 Nov in Tokyo (this week). "Now" is Saturday 28 Nov in both zones.
        var history = History(Block("s0", 0, "2026-11-22T22:30:00Z", 20));
        var saturday = Utc("2026-11-28T12:00:00Z");

        var berlin = UserStatsCalculator.Compute(history, "Europe/Berlin", Zone("Europe/Berlin"), saturday);
        var tokyo = UserStatsCalculator.Compute(history, "Asia/Tokyo", Zone("Asia/Tokyo"), saturday);

        Assert.Equal(0, berlin.WeekFocusMinutes);
        Assert.Equal(20, tokyo.WeekFocusMinutes);
        Assert.Equal(20, berlin.Heatmap.Single(d => d.Date == new DateOnly(2026, 11, 22)).Minutes);
        Assert.Equal(20, tokyo.Heatmap.Single(d => d.Date == new DateOnly(2026, 11, 23)).Minutes);
    }

    [Fact]
    public void WeekAndHeatmapAreWholeIsoWeeksEndingWithTheCurrentOne_S_USER_3()
    {
        var history = History(
            Block("s1", 0, "2026-11-29T20:00:00Z", 25),
            Block("s2", 0, "2026-09-07T10:00:00Z", 30),  // Monday of the heatmap's first week
            Block("s3", 0, "2026-09-06T10:00:00Z", 40)); // the Sunday before: outside

        var stats = UserStatsCalculator.Compute(history, "Europe/Berlin", Zone("Europe/Berlin"), Now);

        Assert.Equal(7, stats.Week.Length);
        Assert.Equal(new DateOnly(2026, 11, 23), stats.Week[0].Date);
        Assert.Equal(new DateOnly(2026, 11, 29), stats.Week[6].Date);
        Assert.Equal(25, stats.Week[6].Minutes);
        Assert.Equal(84, stats.Heatmap.Length);
        Assert.Equal(DayOfWeek.Monday, stats.Heatmap[0].Date.DayOfWeek);
        Assert.Equal(new DateOnly(2026, 9, 7), stats.Heatmap[0].Date);
        Assert.Equal(30, stats.Heatmap[0].Minutes);
        Assert.Equal(stats.Week, stats.Heatmap[^7..]);
        Assert.Equal(55, stats.Heatmap.Sum(d => d.Minutes));
    }

    [Fact]
    public void GoalCompletionRateCountsDoneOnePartlyAHalfNotDoneZero_S_USER_2()
    {
        var history = History();
        history.Recaps.AddRange([
            Recap("u", "s1", 0, GoalOutcome.Done, Now.AddHours(-3)),
            Recap("u", "s1", 1, GoalOutcome.Partly, Now.AddHours(-2)),
            Recap("u", "s1", 2, GoalOutcome.NotDone, Now.AddHours(-1)),
            Recap("u", "s2", 0, GoalOutcome.Done, Now.AddHours(-4))]);
        history.FoldedDone = 1;
        history.FoldedNotDone = 1;

        var stats = UserStatsCalculator.Compute(history, "UTC", TimeZoneInfo.Utc, Now);

        Assert.Equal(6, stats.Recaps);
        Assert.Equal((3 + 0.5) / 6, stats.GoalCompletionRate!.Value, 9);
        Assert.Equal(["s1/2", "s1/1", "s1/0", "s2/0"], stats.RecentRecaps.Select(r => $"{r.SprintId}/{r.BlockIndex}"));
    }

    [Fact]
    public void WithoutRecapsThereIsNoRate_S_USER_2()
    {
        var stats = UserStatsCalculator.Compute(History(), "UTC", TimeZoneInfo.Utc, Now);

        Assert.Null(stats.GoalCompletionRate);
        Assert.Equal(0, stats.TotalFocusMinutes);
        Assert.Equal((0, 0), (stats.CurrentStreakDays, stats.BestStreakDays));
        Assert.All(stats.Heatmap, d => Assert.Equal(0, d.Minutes));
    }

    [Fact]
    public void FoldedHistoryCountsInTheTotals_S_USER_4()
    {
        var history = History(Block("s1", 0, "2026-11-29T20:00:00Z", 25, completes: true));
        history.FoldedCredited = TimeSpan.FromMinutes(1000);
        history.FoldedBlocks = 40;
        history.FoldedSprintsCompleted = 10;

        var stats = UserStatsCalculator.Compute(history, "UTC", TimeZoneInfo.Utc, Now);

        Assert.Equal(1025, stats.TotalFocusMinutes);
        Assert.Equal(41, stats.FocusBlocks);
        Assert.Equal(11, stats.SprintsCompleted);
    }

    [Fact]
    public void StreaksAreReported_S_STREAK_1()
    {
        var history = History(
            Block("a", 0, "2026-11-26T10:00:00Z", 25),
            Block("b", 0, "2026-11-27T10:00:00Z", 25),
            Block("c", 0, "2026-11-28T10:00:00Z", 25),
            Block("d", 0, "2026-11-20T10:00:00Z", 25),
            Block("e", 0, "2026-11-21T10:00:00Z", 25),
            Block("f", 0, "2026-11-22T10:00:00Z", 25),
            Block("g", 0, "2026-11-23T10:00:00Z", 25));

        var stats = UserStatsCalculator.Compute(history, "Europe/Berlin", Zone("Europe/Berlin"), Now);

        Assert.Equal(3, stats.CurrentStreakDays);
        Assert.Equal(4, stats.BestStreakDays);
    }

    private static UserStatsState History(params CreditedBlock[] blocks) => new() { Blocks = [.. blocks.OrderBy(b => b.EndedAt)] };

    private static CreditedBlock Block(string sprint, int index, string start, int minutes, bool completes = false) => new()
    {
        RoomId = "room",
        SprintId = sprint,
        BlockIndex = index,
        StartedAt = Utc(start),
        EndedAt = Utc(start).AddMinutes(minutes),
        Credited = TimeSpan.FromMinutes(minutes),
        CompletesSprint = completes,
    };
}
