namespace StudyRooms.Contracts.Rooms;

/// <summary>Body of <c>DELETE /api/rooms/{id}</c>: the room's name, typed by the owner (P-LIFE-3).</summary>
public sealed record DeleteRoomRequest
{
    public string? Name { get; init; }
}
