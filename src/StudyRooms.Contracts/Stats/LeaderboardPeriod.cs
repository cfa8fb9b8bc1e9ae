namespace StudyRooms.Contracts.Stats;

/// <summary>Which totals a room leaderboard ranks.</summary>
[GenerateSerializer, Alias("StudyRooms.LeaderboardPeriod")]
public enum LeaderboardPeriod
{
    /// <summary>The current ISO week in UTC: Monday 00:00 UTC to the next Monday, by each block's end.</summary>
    Week = 0,
    All = 1,
}
