namespace StudyRooms.Contracts.Rooms;

/// <summary>Hub request of JoinRoom (wire).</summary>
public sealed record JoinRoomRequest
{
    public int ProtocolVersion { get; init; }
    public string? RoomId { get; init; }
    public string? ClientId { get; init; }
    /// <summary>Board clock the client already holds, when it reconnects (P-JOIN-4).</summary>
    public long? KnownClock { get; init; }
}
