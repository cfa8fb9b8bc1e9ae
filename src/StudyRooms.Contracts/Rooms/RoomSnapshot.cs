namespace StudyRooms.Contracts.Rooms;

/// <summary>What anyone in a room sees about the room itself.</summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.RoomSnapshot")]
public sealed record RoomSnapshot
{
    [Id(0)] public required string RoomId { get; init; }
    [Id(1)] public required string Name { get; init; }
    [Id(2)] public required string Topic { get; init; }
    [Id(3)] public DateTimeOffset CreatedAt { get; init; }
    /// <summary>Path of the room page (P-ROOM-2).</summary>
    [Id(4)] public required string Link { get; init; }
}
