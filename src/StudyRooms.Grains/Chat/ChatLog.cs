using Microsoft.Extensions.Logging;

namespace StudyRooms.Grains.Chat;

internal static partial class ChatLog
{
    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Chat {RoomId} loaded at seq {Seq} ({Recent} recent messages)")]
    public static partial void Loaded(ILogger logger, string roomId, long seq, int recent);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Debug, Message = "Chat {RoomId} refused {UserId}: {Reason}")]
    public static partial void Refused(ILogger logger, string roomId, string userId, string reason);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Warning, Message = "Chat {RoomId} could not broadcast seq {Seq}; peers see it when they load")]
    public static partial void BroadcastFailed(ILogger logger, Exception exception, string roomId, long seq);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Warning, Message = "Chat {RoomId} could not store a write at seq {Seq}; reloading from storage")]
    public static partial void WriteFailed(ILogger logger, Exception exception, string roomId, long seq);
}
