using Microsoft.Extensions.Logging;

namespace StudyRooms.Grains.Lobby;

/// <summary>Log messages of the lobby's per-user room lists.</summary>
internal static partial class LobbyLog
{
    [LoggerMessage(EventId = 9001, Level = LogLevel.Warning, Message = "Could not store the room list of user {UserId}")]
    public static partial void WriteFailed(ILogger logger, Exception exception, string userId);

    [LoggerMessage(EventId = 9002, Level = LogLevel.Warning, Message = "Could not remember room {RoomId} for user {UserId}")]
    public static partial void RememberFailed(ILogger logger, Exception exception, string roomId, string userId);
}
