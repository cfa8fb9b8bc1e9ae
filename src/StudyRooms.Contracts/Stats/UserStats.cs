namespace StudyRooms.Contracts.Stats;

/// <summary>
/// A user's study figures as seen from one IANA time zone at one instant (docs/stats.md). Days, weeks
/// and streaks are local to <see cref="TimeZone"/>; minutes come only from server-recorded credits.
/// </summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.UserStats")]
public sealed record UserStats
{
    [Id(0)] public required string TimeZone { get; init; }
    /// <summary>The local date of "now" in <see cref="TimeZone"/>.</summary>
    [Id(1)] public DateOnly Today { get; init; }
    [Id(2)] public int TotalFocusMinutes { get; init; }
    /// <summary>Minutes of the local ISO week (Monday to Sunday) that holds <see cref="Today"/>.</summary>
    [Id(3)] public int WeekFocusMinutes { get; init; }
    [Id(4)] public int TodayFocusMinutes { get; init; }
    /// <summary>Focus blocks with a credit above zero.</summary>
    [Id(5)] public int FocusBlocks { get; init; }
    [Id(6)] public int SprintsCompleted { get; init; }
    /// <summary>Done = 1, partly = 0.5, not done = 0, averaged over all recaps; absent before the first recap.</summary>
    [Id(7)] public double? GoalCompletionRate { get; init; }
    [Id(8)] public int Recaps { get; init; }
    [Id(9)] public int CurrentStreakDays { get; init; }
    [Id(10)] public int BestStreakDays { get; init; }
    /// <summary>The minutes a local day needs to count for a streak.</summary>
    [Id(11)] public int StreakDayMinutes { get; init; }
    /// <summary>The 7 days of the current local ISO week, Monday first (days after today have 0).</summary>
    [Id(12)] public StudyDay[] Week { get; init; } = [];
    /// <summary>84 days: the 12 local ISO weeks that end with the current one, oldest first.</summary>
    [Id(13)] public StudyDay[] Heatmap { get; init; } = [];
    /// <summary>The latest goals and recaps, newest first.</summary>
    [Id(14)] public FocusRecap[] RecentRecaps { get; init; } = [];
}
