namespace StudyRooms.Contracts.Sprints;

/// <summary>Where a room's sprint stands (P-SPR-1).</summary>
[GenerateSerializer, Alias("StudyRooms.SprintStatus")]
public enum SprintStatus
{
    /// <summary>No sprint was ever started in the room.</summary>
    None = 0,
    Running = 1,
    Paused = 2,
    /// <summary>The last focus block of the plan ended on schedule.</summary>
    Finished = 3,
    /// <summary>A host stopped the sprint early.</summary>
    Stopped = 4,
}
