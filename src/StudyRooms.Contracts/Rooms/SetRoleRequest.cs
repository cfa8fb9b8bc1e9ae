namespace StudyRooms.Contracts.Rooms;

/// <summary>Hub request of SetRole (wire). Sets a user's role in the room (P-ROLE-2).</summary>
public sealed record SetRoleRequest
{
    public string? RoomId { get; init; }
    public string? UserId { get; init; }
    public RoomRole Role { get; init; }
}
