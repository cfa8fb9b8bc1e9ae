namespace StudyRooms.Contracts.Rooms;

/// <summary>Creates a room; the room grain validates and owns the rules.</summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.CreateRoomCommand")]
public sealed record CreateRoomCommand
{
    [Id(0)] public string? Name { get; init; }
    [Id(1)] public string? Topic { get; init; }
    [Id(2)] public required string OwnerId { get; init; }
    [Id(3)] public string? Description { get; init; }
    [Id(4)] public bool IsPublic { get; init; }
    /// <summary>Null means the default capacity (P-ROOM-4).</summary>
    [Id(5)] public int? Capacity { get; init; }
    [Id(6)] public string[]? Tags { get; init; }
    /// <summary>Private room: only its owner and users with a role (by invite or from the owner) join (P-INV-4).</summary>
    [Id(7)] public bool InviteOnly { get; init; }
    /// <summary>When full, newcomers enter as viewers (up to the largest capacity) instead of ROOM_FULL (P-ROOM-5).</summary>
    [Id(8)] public bool OverflowAsViewers { get; init; }
}
