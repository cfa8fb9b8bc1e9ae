namespace StudyRooms.Contracts.Rooms;

/// <summary>Hub request of JoinRoom (wire).</summary>
public sealed record JoinRoomRequest
{
    public int ProtocolVersion { get; init; }
    public string? RoomId { get; init; }
    public string? ClientId { get; init; }
}
