namespace StudyRooms.Contracts.Sprints;

/// <summary>Hub request of JoinSprint and SetSprintGoal (wire, P-SPR-6, P-SPR-8); an empty goal clears it.</summary>
public sealed record SprintGoalRequest
{
    public string? RoomId { get; init; }
    public string? Goal { get; init; }
}
