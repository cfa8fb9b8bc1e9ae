namespace StudyRooms.Contracts.Sprints;

/// <summary>A host's plan as asked; the grain fills a preset's values and checks bounds (P-SPR-2).</summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.StartSprintCommand")]
public sealed record StartSprintCommand
{
    [Id(0)] public string? Preset { get; init; }
    [Id(1)] public double? FocusMinutes { get; init; }
    [Id(2)] public double? ShortBreakMinutes { get; init; }
    [Id(3)] public double? LongBreakMinutes { get; init; }
    [Id(4)] public int? LongBreakEvery { get; init; }
    [Id(5)] public int? Cycles { get; init; }
    [Id(6)] public SprintRules? Rules { get; init; }
    /// <summary>The host's own goal; the host joins the sprint it starts.</summary>
    [Id(7)] public string? Goal { get; init; }
}
