namespace StudyRooms.Contracts.Sprints;

/// <summary>Hub request naming only the room: GetSprint, PauseSprint, ResumeSprint, SkipSprintPhase, StopSprint, LeaveSprint (wire).</summary>
public sealed record SprintRequest
{
    public string? RoomId { get; init; }
}
