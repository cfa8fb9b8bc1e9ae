namespace StudyRooms.Contracts.Rooms;

/// <summary>Hub request of ListBans (wire): the room's banned users, for mentors and the owner (P-MOD-9).</summary>
public sealed record ListBansRequest
{
    public string? RoomId { get; init; }
}
