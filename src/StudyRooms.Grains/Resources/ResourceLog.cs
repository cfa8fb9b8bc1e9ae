using Microsoft.Extensions.Logging;

namespace StudyRooms.Grains.Resources;

internal static partial class ResourceLog
{
    [LoggerMessage(EventId = 9101, Level = LogLevel.Debug, Message = "Resources of {RoomId} refused {UserId}: {Reason}")]
    public static partial void Refused(ILogger logger, string roomId, string userId, string reason);

    [LoggerMessage(EventId = 9102, Level = LogLevel.Warning, Message = "Resources of {RoomId} could not broadcast a change; peers see it when they list")]
    public static partial void BroadcastFailed(ILogger logger, Exception exception, string roomId);

    [LoggerMessage(EventId = 9103, Level = LogLevel.Warning, Message = "Resources of {RoomId} could not delete stored file {BlobId}; it stays on disk unlisted")]
    public static partial void FileDeleteFailed(ILogger logger, Exception exception, string roomId, string blobId);

    [LoggerMessage(EventId = 9104, Level = LogLevel.Information, Message = "Resources of {RoomId} deleted: {Count} items and the room's files")]
    public static partial void DeletedAll(ILogger logger, string roomId, int count);
}
