namespace StudyRooms.Contracts.Rooms;

/// <summary>
/// A caller's place in a room as the resource shelf needs it (docs/permissions.md), answered by the
/// room grain on each shelf call so a role change, removal or ban applies at once.
/// </summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.ResourceAccess")]
public sealed record ResourceAccess
{
    /// <summary>The room exists and the caller may know it does (an invite-only room is hidden from users without a place, P-INV-4).</summary>
    [Id(0)] public bool Found { get; init; }
    [Id(1)] public bool Banned { get; init; }
    /// <summary>With a connection: that connection is in the room now. Over HTTP: the user is present from any connection, or holds a role the owner or an invite gave (P-RES-5).</summary>
    [Id(2)] public bool InRoom { get; init; }
    /// <summary>The role the caller acts with (an overflow seat is a viewer's, P-ROOM-5).</summary>
    [Id(3)] public RoomRole Role { get; init; }
    [Id(4)] public bool ReadOnly { get; init; }
}
