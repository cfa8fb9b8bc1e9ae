using StudyRooms.Contracts.Stats;

namespace StudyRooms.Contracts.Sprints;

/// <summary>A participant's recap of an ended focus block (P-SPR-10).</summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.SubmitRecapCommand")]
public sealed record SubmitRecapCommand
{
    [Id(0)] public int BlockIndex { get; init; }
    [Id(1)] public GoalOutcome Outcome { get; init; }
    [Id(2)] public string? Note { get; init; }
}
