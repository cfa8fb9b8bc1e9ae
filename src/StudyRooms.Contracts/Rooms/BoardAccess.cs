using StudyRooms.Contracts.Protocol;

namespace StudyRooms.Contracts.Rooms;

/// <summary>
/// Who may edit a room's board, as the room grain decides it (P-MOD-6). The room hands a fresh copy
/// to the board whenever presence, roles or the read-only switch change; the board only looks it up.
/// Connection ids, not user ids, so a removed or expired connection is refused even if the user
/// comes back on another tab.
/// </summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.BoardAccess")]
public sealed record BoardAccess
{
    /// <summary>Connections in the room whose user's role may edit (member and above).</summary>
    [Id(0)] public required string[] EditorConnections { get; init; }
    /// <summary>Connections in the room whose user is a viewer.</summary>
    [Id(1)] public required string[] ViewerConnections { get; init; }
    /// <summary>Users who may edit a read-only room: the owner and mentors.</summary>
    [Id(2)] public required string[] ModeratorIds { get; init; }
    [Id(3)] public bool ReadOnly { get; init; }
    /// <summary>The room is archived: nobody edits, the owner included (P-LIFE-2).</summary>
    [Id(4)] public bool Archived { get; init; }
    /// <summary>
    /// The servers (<see cref="JoinRoomCommand.Server"/>) that have held connections of the room since
    /// the room grain's activation, "" for one it could not name. It only grows while the activation
    /// lives: a board may skip the Redis backplane only while this names its own server alone (P-OPS-9).
    /// </summary>
    [Id(5)] public string[] Servers { get; init; } = [];

    /// <summary>Null when the connection may edit, else the refusal (P-MOD-6).</summary>
    public StudyRoomsException? Refusal(string userId, string connectionId)
    {
        var viewer = ViewerConnections.Contains(connectionId, StringComparer.Ordinal);
        if (!viewer && !EditorConnections.Contains(connectionId, StringComparer.Ordinal))
        {
            return new StudyRoomsException(ErrorCodes.NotInRoom, "this connection is not in the room (it left, expired or was removed)");
        }

        if (Archived)
        {
            return new StudyRoomsException(ErrorCodes.RoomArchived, "the room is archived; it is read-only until the owner restores it");
        }

        if (viewer)
        {
            return new StudyRoomsException(ErrorCodes.Forbidden, "viewers cannot edit the board");
        }

        if (ReadOnly && !ModeratorIds.Contains(userId, StringComparer.Ordinal))
        {
            return new StudyRoomsException(ErrorCodes.Forbidden, "the room is read-only; only the owner and mentors may edit");
        }

        return null;
    }
}
