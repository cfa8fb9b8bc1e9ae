namespace StudyRooms.Contracts.Sprints;

/// <summary>A host's control of the room's sprint (P-SPR-5, P-SPR-7).</summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.SprintControlCommand")]
public sealed record SprintControlCommand
{
    [Id(0)] public SprintControlKind Kind { get; init; }
    /// <summary>For <see cref="SprintControlKind.Extend"/>: whole minutes to add to the current phase.</summary>
    [Id(1)] public int? ExtendMinutes { get; init; }
    /// <summary>For <see cref="SprintControlKind.SetRules"/>.</summary>
    [Id(2)] public SprintRules? Rules { get; init; }
}
