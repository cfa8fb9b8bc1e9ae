namespace StudyRooms.Grains.Stats;

/// <summary>
/// A room's leaderboard totals, bounded (docs/stats.md): all-time totals per user (at most
/// <see cref="LeaderboardBook.MaxUsers"/>), the two latest UTC weeks, and per recent sprint the keys
/// of its credits for de-duplication.
/// </summary>
[GenerateSerializer, Alias("StudyRooms.RoomLeaderboardState")]
public sealed class RoomLeaderboardState
{
    [Id(0)] public Dictionary<string, LeaderboardUser> Users { get; set; } = new(StringComparer.Ordinal);
    /// <summary>Oldest first; at most two.</summary>
    [Id(1)] public List<WeekTotals> Weeks { get; set; } = [];
    /// <summary>Sprints with a credit in the de-duplication window, by sprint id.</summary>
    [Id(2)] public Dictionary<string, RecentSprint> Recent { get; set; } = new(StringComparer.Ordinal);
}
