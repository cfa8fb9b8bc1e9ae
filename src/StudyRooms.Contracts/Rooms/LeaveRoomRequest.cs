namespace StudyRooms.Contracts.Rooms;

/// <summary>Hub request of LeaveRoom (wire).</summary>
public sealed record LeaveRoomRequest
{
    public string? RoomId { get; init; }
}
