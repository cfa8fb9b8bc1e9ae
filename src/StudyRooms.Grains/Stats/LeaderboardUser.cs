namespace StudyRooms.Grains.Stats;

/// <summary>A user's all-time total in one room and the name from their latest credit there.</summary>
[GenerateSerializer, Alias("StudyRooms.LeaderboardUser")]
public sealed class LeaderboardUser
{
    [Id(0)] public string DisplayName { get; set; } = "";
    /// <summary>End of the block whose credit gave <see cref="DisplayName"/>.</summary>
    [Id(1)] public DateTimeOffset NamedAt { get; set; }
    [Id(2)] public TimeSpan Credited { get; set; }
}
