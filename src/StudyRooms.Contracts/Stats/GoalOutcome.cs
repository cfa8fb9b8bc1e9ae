namespace StudyRooms.Contracts.Stats;

/// <summary>How a participant rated their own focus block in its recap (issue 5, "Accountability").</summary>
[GenerateSerializer, Alias("StudyRooms.GoalOutcome")]
public enum GoalOutcome
{
    NotDone = 0,
    Partly = 1,
    Done = 2,
}
