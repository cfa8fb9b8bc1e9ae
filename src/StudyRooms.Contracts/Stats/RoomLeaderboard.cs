namespace StudyRooms.Contracts.Stats;

/// <summary>A room's top focus totals for one period (docs/stats.md).</summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.RoomLeaderboard")]
public sealed record RoomLeaderboard
{
    [Id(0)] public required string RoomId { get; init; }
    [Id(1)] public LeaderboardPeriod Period { get; init; }
    /// <summary>Start of the period (Monday 00:00 UTC) for <see cref="LeaderboardPeriod.Week"/>; absent for all time.</summary>
    [Id(2)] public DateTimeOffset? From { get; init; }
    [Id(3)] public LeaderboardEntry[] Entries { get; init; } = [];
}
