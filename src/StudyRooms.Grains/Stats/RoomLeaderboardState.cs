namespace StudyRooms.Grains.Stats;

/// <summary>
/// A room's leaderboard totals, bounded (docs/stats.md): all-time totals per user (at most
/// <see cref="LeaderboardBook.MaxUsers"/>), the two latest UTC weeks, and the keys of the credits
/// of the de-duplication window.
/// </summary>
[GenerateSerializer, Alias("StudyRooms.RoomLeaderboardState")]
public sealed class RoomLeaderboardState
{
    [Id(0)] public Dictionary<string, LeaderboardUser> Users { get; set; } = new(StringComparer.Ordinal);
    /// <summary>Oldest first; at most two.</summary>
    [Id(1)] public List<WeekTotals> Weeks { get; set; } = [];
    [Id(2)] public List<RecentCredit> Recent { get; set; } = [];
}
