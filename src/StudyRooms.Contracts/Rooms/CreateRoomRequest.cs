namespace StudyRooms.Contracts.Rooms;

/// <summary>HTTP request body of POST /api/rooms (wire).</summary>
public sealed record CreateRoomRequest
{
    public string? Name { get; init; }
    public string? Topic { get; init; }
    public string? Description { get; init; }
    public bool IsPublic { get; init; }
    public int? Capacity { get; init; }
    public string[]? Tags { get; init; }
    public bool InviteOnly { get; init; }
    public bool OverflowAsViewers { get; init; }
}
