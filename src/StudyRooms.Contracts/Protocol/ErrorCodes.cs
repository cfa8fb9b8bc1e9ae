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
    /// <summary>The user has no raised hand in the room's help queue (P-HAND-2).</summary>
    public const string HandNotRaised = "HAND_NOT_RAISED";
    /// <summary>A sprint is already running in the room; stop it before starting another (P-SPR-1).</summary>
    public const string SprintRunning = "SPRINT_RUNNING";
    /// <summary>The act needs a running sprint and the room has none (P-SPR-5).</summary>
    public const string SprintNotRunning = "SPRINT_NOT_RUNNING";
    /// <summary>A time zone id that is not a known IANA id, e.g. in GET /api/me/stats?tz= (P-STATS-2).</summary>
    public const string InvalidTimeZone = "INVALID_TIME_ZONE";
    /// <summary>An account with this username exists (P-ACCT-1).</summary>
    public const string UsernameTaken = "USERNAME_TAKEN";
    /// <summary>Username or password is wrong; the answer does not say which (P-ACCT-2).</summary>
    public const string InvalidCredentials = "INVALID_CREDENTIALS";
    /// <summary>A username or password that does not meet the rules (P-ACCT-1).</summary>
    public const string InvalidAccount = "INVALID_ACCOUNT";
    /// <summary>A chat message's text is longer than the limit (P-CHAT-6).</summary>
    public const string MessageTooLong = "MESSAGE_TOO_LONG";
    /// <summary>No chat message has this seq in the room, or it was deleted (P-CHAT-7).</summary>
    public const string MessageNotFound = "MESSAGE_NOT_FOUND";
    /// <summary>The board has no history snapshot with this id (any more) (P-HIST-3).</summary>
    public const string SnapshotNotFound = "SNAPSHOT_NOT_FOUND";
    /// <summary>A link, title, note or file name that breaks the shelf's rules, e.g. a javascript: address (P-RES-3).</summary>
    public const string InvalidResource = "INVALID_RESOURCE";
    /// <summary>No item or file of the room's shelf has this id (any more) (P-RES-4, P-RES-9).</summary>
    public const string ResourceNotFound = "RESOURCE_NOT_FOUND";
    /// <summary>The room's shelf holds its limit of items; remove one first (P-RES-3).</summary>
    public const string ShelfFull = "SHELF_FULL";
    /// <summary>An upload larger than the server's limit (P-RES-7); HTTP 413.</summary>
    public const string FileTooLarge = "FILE_TOO_LARGE";
    /// <summary>An upload whose content is not of an allowed type, whatever its name says (P-RES-7); HTTP 415.</summary>
    public const string FileTypeNotAllowed = "FILE_TYPE_NOT_ALLOWED";
    /// <summary>An image wider or taller than the server's limit, read from its header (P-RES-7).</summary>
    public const string ImageTooLarge = "IMAGE_TOO_LARGE";
    /// <summary>This server keeps no uploaded files (Redis mode without a files folder) (P-RES-6); HTTP 503.</summary>
    public const string UploadsDisabled = "UPLOADS_DISABLED";
    /// <summary>The room is archived: it is read-only for everyone until the owner restores it (P-LIFE-2).</summary>
    public const string RoomArchived = "ROOM_ARCHIVED";
    /// <summary>The server is past its bound of concurrent work and refused the call unread; send it again after the hint (P-ERR-5, P-ERR-6).</summary>
    public const string Overloaded = "OVERLOADED";
    /// <summary>The user owns the server's limit of rooms; delete one first (P-LIFE-7); HTTP 409.</summary>
    public const string TooManyRooms = "TOO_MANY_ROOMS";
    /// <summary>The user holds the server's limit of open hub connections on this server; close one first (P-CONN-1).</summary>
    public const string TooManyConnections = "TOO_MANY_CONNECTIONS";
}
