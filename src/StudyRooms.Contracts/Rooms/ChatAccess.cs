namespace StudyRooms.Contracts.Rooms;

/// <summary>
/// A connection's place in a room as the chat needs it (docs/permissions.md), answered by the room
/// grain on each chat call so a role change, removal, ban or expiry applies at once.
/// </summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.ChatAccess")]
public sealed record ChatAccess
{
    /// <summary>The connection is in the room now (joined, not removed, banned or expired).</summary>
    [Id(0)] public bool InRoom { get; init; }
    [Id(1)] public RoomRole Role { get; init; }
    [Id(2)] public bool ReadOnly { get; init; }
    /// <summary>A moderator muted the user in the room's chat (P-CHAT-15).</summary>
    [Id(3)] public bool Muted { get; init; }
    /// <summary>The room is archived: nobody writes in its chat (P-LIFE-2).</summary>
    [Id(4)] public bool Archived { get; init; }
}
