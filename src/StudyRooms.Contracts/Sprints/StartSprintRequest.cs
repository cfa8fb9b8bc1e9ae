namespace StudyRooms.Contracts.Sprints;

/// <summary>Hub request of StartSprint (wire, P-SPR-2): a preset, or "custom" with every length given.</summary>
public sealed record StartSprintRequest
{
    public string? RoomId { get; init; }
    public string? Preset { get; init; }
    public double? FocusMinutes { get; init; }
    public double? ShortBreakMinutes { get; init; }
    public double? LongBreakMinutes { get; init; }
    public int? LongBreakEvery { get; init; }
    public int? Cycles { get; init; }
    public SprintRules? Rules { get; init; }
    public string? Goal { get; init; }
}
