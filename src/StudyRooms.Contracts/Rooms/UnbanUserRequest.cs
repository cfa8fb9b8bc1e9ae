namespace StudyRooms.Contracts.Rooms;

/// <summary>Hub request of UnbanUser (wire). Lifts a ban (P-MOD-3).</summary>
public sealed record UnbanUserRequest
{
    public string? RoomId { get; init; }
    public string? UserId { get; init; }
}
