namespace StudyRooms.Grains.Sprints;

/// <summary>
/// Where the current phase of a sprint is anchored in time (P-SPR-3). With the plan it determines
/// the phase at any instant; nothing else about the schedule is stored.
/// </summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.PhaseAnchor")]
public sealed record PhaseAnchor
{
    [Id(0)] public int PhaseIndex { get; init; }
    /// <summary>When the phase started, moved forward by the length of every pause in it.</summary>
    [Id(1)] public DateTimeOffset StartedAt { get; init; }
    /// <summary>The phase's length: the plan's, plus any extension.</summary>
    [Id(2)] public long DurationMs { get; init; }
    [Id(3)] public DateTimeOffset? PausedAt { get; init; }
    /// <summary>True once the sprint ended (finished or stopped); the anchor keeps the last phase.</summary>
    [Id(4)] public bool Ended { get; init; }
}
