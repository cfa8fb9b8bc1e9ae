using StudyRooms.Contracts.Sprints;

namespace StudyRooms.Contracts.Lobby;

/// <summary>A running or paused sprint as the lobby shows it (wire only): the phase and the time left in it.</summary>
public sealed record SprintSummary
{
    public SprintStatus Status { get; init; }
    public SprintPhaseKind PhaseKind { get; init; }
    /// <summary>Milliseconds left in the phase when the answer was made (a paused phase keeps its rest).</summary>
    public long RemainingMs { get; init; }
}
