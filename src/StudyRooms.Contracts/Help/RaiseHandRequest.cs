namespace StudyRooms.Contracts.Help;

/// <summary>Hub request of RaiseHand (wire): ask the room's mentors for help (P-HAND-2).</summary>
public sealed record RaiseHandRequest
{
    public string? RoomId { get; init; }
    public string? Note { get; init; }
}
