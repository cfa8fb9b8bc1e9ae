using StudyRooms.Contracts.Stats;

namespace StudyRooms.Contracts.Sprints;

/// <summary>Hub request of SubmitRecap (wire, P-SPR-10).</summary>
public sealed record SubmitRecapRequest
{
    public string? RoomId { get; init; }
    public int? BlockIndex { get; init; }
    public GoalOutcome? Outcome { get; init; }
    public string? Note { get; init; }
}
