namespace StudyRooms.Contracts.Rooms;

/// <summary>HTTP request body of POST /api/rooms (wire).</summary>
public sealed record CreateRoomRequest
{
    public string? Name { get; init; }
    public string? Topic { get; init; }
}
