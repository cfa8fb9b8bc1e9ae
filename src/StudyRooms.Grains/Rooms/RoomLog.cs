using Microsoft.Extensions.Logging;

namespace StudyRooms.Grains.Rooms;

internal static partial class RoomLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Room {RoomId} created by {OwnerId}")]
    public static partial void Created(ILogger logger, string roomId, string ownerId);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "{UserId} joined room {RoomId} ({ParticipantCount} present)")]
    public static partial void ParticipantJoined(ILogger logger, string userId, string roomId, int participantCount);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "{UserId} left room {RoomId} ({ParticipantCount} present)")]
    public static partial void ParticipantLeft(ILogger logger, string userId, string roomId, int participantCount);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "Room {RoomId} could not broadcast a presence change")]
    public static partial void BroadcastFailed(ILogger logger, Exception exception, string roomId);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Information, Message = "Room {RoomId}: {ActorId} did {Act} on {Target}")]
    public static partial void Moderated(ILogger logger, string roomId, string actorId, string act, string target);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Information, Message = "Connection {ConnectionId} of {UserId} in room {RoomId} expired (no server vouched for it)")]
    public static partial void ConnectionExpired(ILogger logger, string connectionId, string userId, string roomId);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Information, Message = "Room {RoomId}: {UserId} accepted an invite and holds the role {Role}")]
    public static partial void InviteAccepted(ILogger logger, string roomId, string userId, string role);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Information, Message = "Room {RoomId} deactivated with {ParticipantCount} present: {Reason}")]
    public static partial void Deactivated(ILogger logger, string roomId, int participantCount, string reason);

    [LoggerMessage(EventId = 1009, Level = LogLevel.Information, Message = "Room {RoomId} deleted by {OwnerId}; erasing its data")]
    public static partial void Deleting(ILogger logger, string roomId, string ownerId);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Information, Message = "Room {RoomId}: erased its {Part}")]
    public static partial void Erased(ILogger logger, string roomId, string part);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Warning, Message = "Room {RoomId}: erasing its data failed; it stays deleted and the erasure is tried again")]
    public static partial void ErasureFailed(ILogger logger, Exception exception, string roomId);

    [LoggerMessage(EventId = 1012, Level = LogLevel.Warning, Message = "Room {RoomId}: the presence heartbeat record could not be read or written")]
    public static partial void PresenceRecordFailed(ILogger logger, Exception exception, string roomId);

    [LoggerMessage(EventId = 1013, Level = LogLevel.Information, Message = "Room {RoomId} activated with {ParticipantCount} participants ({ConnectionCount} connections) from the presence record")]
    public static partial void PresenceRestored(ILogger logger, string roomId, int participantCount, int connectionCount);
}
