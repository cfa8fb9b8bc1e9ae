namespace StudyRooms.Contracts.Rooms;

/// <summary>Hub request of RemoveParticipant (wire). Removes a user from the room, optionally banning them (P-MOD-1, P-MOD-2).</summary>
public sealed record RemoveParticipantRequest
{
    public string? RoomId { get; init; }
    public string? UserId { get; init; }
    public bool Ban { get; init; }
}
