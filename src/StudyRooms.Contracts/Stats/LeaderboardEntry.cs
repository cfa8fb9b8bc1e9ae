namespace StudyRooms.Contracts.Stats;

/// <summary>One row of a room leaderboard.</summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.LeaderboardEntry")]
public sealed record LeaderboardEntry
{
    /// <summary>1-based; users with equal credited time share a rank (1, 1, 3).</summary>
    [Id(0)] public int Rank { get; init; }
    [Id(1)] public required string UserId { get; init; }
    /// <summary>The name from the user's latest credit in this room.</summary>
    [Id(2)] public required string DisplayName { get; init; }
    /// <summary>Credited focus minutes in the period, rounded down.</summary>
    [Id(3)] public int FocusMinutes { get; init; }
}
