namespace StudyRooms.Contracts.Sprints;

/// <summary>Hub request of SetSprintRules (wire, P-SPR-7).</summary>
public sealed record SetSprintRulesRequest
{
    public string? RoomId { get; init; }
    public SprintRules? Rules { get; init; }
}
