using StudyRooms.Contracts.Rooms;

namespace StudyRooms.Contracts.Lobby;

/// <summary>One entry of GET /api/me/rooms (wire only, P-LOBBY-1).</summary>
public sealed record MyRoom
{
    public required string RoomId { get; init; }
    public required string Name { get; init; }
    public required string Topic { get; init; }
    public string[] Tags { get; init; } = [];
    public required string Link { get; init; }
    public bool IsPublic { get; init; }
    public bool InviteOnly { get; init; }
    public RoomRole Role { get; init; }
    public int Occupancy { get; init; }
    public int Capacity { get; init; }
    public DateTimeOffset VisitedAt { get; init; }
    /// <summary>Absent when no sprint runs or is paused (or nobody is present to study in it).</summary>
    public SprintSummary? Sprint { get; init; }
}
