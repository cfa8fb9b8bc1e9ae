namespace StudyRooms.Contracts.Sprints;

/// <summary>What a sprint phase is for (docs/sprints.md).</summary>
[GenerateSerializer, Alias("StudyRooms.SprintPhaseKind")]
public enum SprintPhaseKind
{
    Focus = 0,
    ShortBreak = 1,
    LongBreak = 2,
}
