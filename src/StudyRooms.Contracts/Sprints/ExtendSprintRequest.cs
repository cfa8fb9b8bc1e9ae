namespace StudyRooms.Contracts.Sprints;

/// <summary>Hub request of ExtendSprint (wire, P-SPR-5).</summary>
public sealed record ExtendSprintRequest
{
    public string? RoomId { get; init; }
    public int? Minutes { get; init; }
}
