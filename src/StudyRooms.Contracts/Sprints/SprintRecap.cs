using StudyRooms.Contracts.Stats;

namespace StudyRooms.Contracts.Sprints;

/// <summary>One participant's recap of a focus block as the room sees it (P-SPR-10).</summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.SprintRecap")]
public sealed record SprintRecap
{
    [Id(0)] public required string UserId { get; init; }
    [Id(1)] public required string DisplayName { get; init; }
    [Id(2)] public string? Goal { get; init; }
    [Id(3)] public GoalOutcome Outcome { get; init; }
    [Id(4)] public string? Note { get; init; }
}
