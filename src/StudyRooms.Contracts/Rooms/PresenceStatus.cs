namespace StudyRooms.Contracts.Rooms;

/// <summary>
/// How present a participant is (P-STATUS-1). Lower values are more present: a user with several
/// tabs shows the most present of them (P-STATUS-2). "In focus" is not a status: clients derive it
/// from the sprint (P-STATUS-4).
/// </summary>
[GenerateSerializer, Alias("StudyRooms.PresenceStatus")]
public enum PresenceStatus
{
    /// <summary>Gave input within the last 2 minutes, tab visible.</summary>
    Active = 0,
    /// <summary>No input for 2 minutes, tab visible.</summary>
    Idle = 1,
    /// <summary>The tab is hidden.</summary>
    Away = 2,
}
