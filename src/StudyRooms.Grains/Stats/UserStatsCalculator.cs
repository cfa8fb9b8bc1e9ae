using StudyRooms.Contracts.Stats;

namespace StudyRooms.Grains.Stats;

/// <summary>Everything of <see cref="UserStats"/> from a user's stored history, a time zone and "now"; pure.</summary>
public static class UserStatsCalculator
{
    /// <summary>A local day counts for a streak with at least this much credited focus (docs/stats.md).</summary>
    public static readonly TimeSpan StreakDayThreshold = TimeSpan.FromMinutes(10);

    public const int HeatmapWeeks = 12;
    public const int RecentRecapCount = 10;

    public static UserStats Compute(UserStatsState history, string timeZoneId, TimeZoneInfo zone, DateTimeOffset now)
    {
        var perDay = StudyCalendar.SecondsPerDay(
            history.Blocks.Select(block => new FocusSpan(block.StartedAt, block.EndedAt, block.Credited)), zone);
        var today = StudyCalendar.LocalDate(now, zone);
        var weekStart = StudyCalendar.WeekStart(today);
        var (current, best) = StreakCalculator.Compute(perDay, today, StreakDayThreshold);
        var (done, partly, notDone) = Outcomes(history);
        var recaps = done + partly + notDone;

        return new UserStats
        {
            TimeZone = timeZoneId,
            Today = today,
            TotalFocusMinutes = StudyCalendar.ToMinutes(history.FoldedCredited.TotalSeconds + history.Blocks.Sum(b => b.Credited.TotalSeconds)),
            WeekFocusMinutes = StudyCalendar.ToMinutes(Enumerable.Range(0, 7).Sum(i => perDay.GetValueOrDefault(weekStart.AddDays(i)))),
            TodayFocusMinutes = StudyCalendar.ToMinutes(perDay.GetValueOrDefault(today)),
            FocusBlocks = history.FoldedBlocks + history.Blocks.Count,
            SprintsCompleted = history.FoldedSprintsCompleted + history.Blocks.Count(b => b.CompletesSprint),
            GoalCompletionRate = recaps == 0 ? null : (done + 0.5 * partly) / recaps,
            Recaps = recaps,
            CurrentStreakDays = current,
            BestStreakDays = best,
            StreakDayMinutes = (int)StreakDayThreshold.TotalMinutes,
            Week = Days(perDay, weekStart, 7),
            Heatmap = Days(perDay, weekStart.AddDays(-7 * (HeatmapWeeks - 1)), 7 * HeatmapWeeks),
            RecentRecaps = history.Recaps.OrderByDescending(r => r.RecordedAt).Take(RecentRecapCount).ToArray(),
        };
    }

    private static StudyDay[] Days(Dictionary<DateOnly, double> perDay, DateOnly first, int count) =>
        Enumerable.Range(0, count)
            .Select(i => first.AddDays(i))
            .Select(day => new StudyDay { Date = day, Minutes = StudyCalendar.ToMinutes(perDay.GetValueOrDefault(day)) })
            .ToArray();

    private static (int Done, int Partly, int NotDone) Outcomes(UserStatsState history) =>
        (history.FoldedDone + history.Recaps.Count(r => r.Outcome == GoalOutcome.Done),
         history.FoldedPartly + history.Recaps.Count(r => r.Outcome == GoalOutcome.Partly),
         history.FoldedNotDone + history.Recaps.Count(r => r.Outcome == GoalOutcome.NotDone));
}
