namespace StudyRooms.Contracts.Rooms;

/// <summary>
/// Hub request of SetPresenceStatus (wire): this tab's status, "active", "idle" or "away" (P-STATUS-1).
/// A string, not the enum, so an unknown value gets a coded refusal instead of a binding failure.
/// </summary>
public sealed record SetPresenceStatusRequest
{
    public string? RoomId { get; init; }
    public string? Status { get; init; }
}
