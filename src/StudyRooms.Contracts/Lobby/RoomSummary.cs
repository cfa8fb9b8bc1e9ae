using StudyRooms.Contracts.Rooms;

namespace StudyRooms.Contracts.Lobby;

/// <summary>What the lobby shows of a room to one user: its card, the user's role and who is there now.</summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.RoomSummary")]
public sealed record RoomSummary
{
    [Id(0)] public required string RoomId { get; init; }
    [Id(1)] public required string Name { get; init; }
    [Id(2)] public required string Topic { get; init; }
    [Id(3)] public string[] Tags { get; init; } = [];
    /// <summary>Path of the room page (P-ROOM-2).</summary>
    [Id(4)] public required string Link { get; init; }
    [Id(5)] public bool IsPublic { get; init; }
    [Id(6)] public bool InviteOnly { get; init; }
    /// <summary>The user's role in the room (member unless given another; owner for the creator).</summary>
    [Id(7)] public RoomRole Role { get; init; }
    /// <summary>Users present now ("5 studying now").</summary>
    [Id(8)] public int Occupancy { get; init; }
    [Id(9)] public int Capacity { get; init; }
}
