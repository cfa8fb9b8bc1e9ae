namespace StudyRooms.Grains.Stats;

/// <summary>
/// The credits of one recent sprint, kept for de-duplication: one short key per (block, user), so a
/// busy room's state stays small (a sprint's keys go when its last credited block leaves the window).
/// </summary>
[GenerateSerializer, Alias("StudyRooms.RecentSprint")]
public sealed class RecentSprint
{
    /// <summary>The latest block end credited in this sprint.</summary>
    [Id(0)] public DateTimeOffset LastEndedAt { get; set; }
    /// <summary>"{blockIndex}/{userId}" of every credit counted in this sprint.</summary>
    [Id(1)] public HashSet<string> Credited { get; set; } = new(StringComparer.Ordinal);
}
