namespace StudyRooms.Contracts.Sprints;

/// <summary>What a host does to a running sprint (P-SPR-5).</summary>
[GenerateSerializer, Alias("StudyRooms.SprintControlKind")]
public enum SprintControlKind
{
    Pause = 0,
    Resume = 1,
    Skip = 2,
    Extend = 3,
    Stop = 4,
    SetRules = 5,
}
