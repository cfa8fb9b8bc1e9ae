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
    [Id(5)] public string Description { get; init; } = "";
    [Id(6)] public bool IsPublic { get; init; }
    /// <summary>Most users present at once (P-ROOM-4).</summary>
    [Id(7)] public int Capacity { get; init; }
    [Id(8)] public string[] Tags { get; init; } = [];
    /// <summary>Only the owner and mentors may edit the board (P-MOD-5).</summary>
    [Id(9)] public bool ReadOnly { get; init; }
    [Id(10)] public string OwnerId { get; init; } = "";
    [Id(11)] public bool InviteOnly { get; init; }
    /// <summary>When full, newcomers enter as viewers instead of being refused (P-ROOM-5).</summary>
    [Id(12)] public bool OverflowAsViewers { get; init; }
    /// <summary>The owner archived the room: out of the directory and read-only for everyone (P-LIFE-2).</summary>
    [Id(13)] public bool Archived { get; init; }
}
