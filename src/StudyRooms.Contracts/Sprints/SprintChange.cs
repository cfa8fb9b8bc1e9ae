namespace StudyRooms.Contracts.Sprints;

/// <summary>Why a <see cref="SprintUpdated"/> was sent; clients chime on <see cref="PhaseChanged"/> (P-SPR-4).</summary>
[GenerateSerializer, Alias("StudyRooms.SprintChange")]
public enum SprintChange
{
    Started = 0,
    PhaseChanged = 1,
    Paused = 2,
    Resumed = 3,
    Extended = 4,
    Stopped = 5,
    Finished = 6,
    RulesChanged = 7,
    ParticipantsChanged = 8,
}
