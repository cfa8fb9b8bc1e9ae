namespace StudyRooms.Contracts.Protocol;

/// <summary>Stable error codes of docs/protocol.md (P-ERR-1, P-ERR-2).</summary>
public static class ErrorCodes
{
    public const string ProtocolMismatch = "PROTOCOL_MISMATCH";
    public const string InvalidRequest = "INVALID_REQUEST";
    public const string RoomNotFound = "ROOM_NOT_FOUND";
    public const string NotInRoom = "NOT_IN_ROOM";
    public const string RateLimited = "RATE_LIMITED";
    public const string Unauthenticated = "UNAUTHENTICATED";
    public const string InvalidDisplayName = "INVALID_DISPLAY_NAME";
    public const string InvalidRoom = "INVALID_ROOM";
    public const string RoomExists = "ROOM_EXISTS";
    /// <summary>The caller's role in the room does not allow the act (docs/permissions.md).</summary>
    public const string Forbidden = "FORBIDDEN";
    /// <summary>The user was banned from the room and cannot join it by any link (P-MOD-2).</summary>
    public const string Banned = "BANNED";
    /// <summary>The room holds its capacity of users (P-ROOM-4).</summary>
    public const string RoomFull = "ROOM_FULL";
    /// <summary>No usable invite has this code: unknown, revoked, expired or used up, alike (P-INV-2).</summary>
    public const string InviteInvalid = "INVITE_INVALID";
    /// <summary>A sprint is already running in the room; stop it before starting another (P-SPR-1).</summary>
    public const string SprintRunning = "SPRINT_RUNNING";
    /// <summary>The act needs a running sprint and the room has none (P-SPR-5).</summary>
    public const string SprintNotRunning = "SPRINT_NOT_RUNNING";
    /// <summary>A time zone id that is not a known IANA id, e.g. in GET /api/me/stats?tz= (P-STATS-2).</summary>
    public const string InvalidTimeZone = "INVALID_TIME_ZONE";
}
