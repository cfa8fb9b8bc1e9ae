namespace StudyRooms.Contracts.Sprints;

/// <summary>
/// A sprint's plan, checked and completed by the sprint grain (P-SPR-2): focus blocks separated by
/// short breaks, every <see cref="LongBreakEvery"/>-th break a long one, <see cref="Cycles"/> focus
/// blocks in all. The sprint ends with the last focus block (no trailing break).
/// </summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.SprintPlan")]
public sealed record SprintPlan
{
    /// <summary>"25/5", "50/10", "90/20" or "custom".</summary>
    [Id(0)] public required string Preset { get; init; }
    [Id(1)] public long FocusMs { get; init; }
    [Id(2)] public long ShortBreakMs { get; init; }
    [Id(3)] public long LongBreakMs { get; init; }
    /// <summary>A long break follows every this many focus blocks; 0 means never.</summary>
    [Id(4)] public int LongBreakEvery { get; init; }
    /// <summary>Number of focus blocks.</summary>
    [Id(5)] public int Cycles { get; init; }
}
