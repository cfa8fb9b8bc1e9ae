using Microsoft.Extensions.Logging;

namespace StudyRooms.Grains.Boards;

internal static partial class BoardLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Board {BoardId} loaded at clock {Clock} with {LiveCount} live elements ({OpCount} ops replayed)")]
    public static partial void Loaded(ILogger logger, string boardId, long clock, int liveCount, int opCount);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Debug, Message = "Board {BoardId} refused a push from {UserId}: {Reason}")]
    public static partial void PushRefused(ILogger logger, string boardId, string userId, string reason);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "Board {BoardId} could not broadcast ops up to clock {Clock}; peers will catch up on rejoin")]
    public static partial void BroadcastFailed(ILogger logger, Exception exception, string boardId, long clock);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Information, Message = "Board {BoardId} compacted at clock {Clock}")]
    public static partial void Compacted(ILogger logger, string boardId, long clock);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Warning, Message = "Board {BoardId} could not write its snapshot at clock {Clock}; the op log still holds every op")]
    public static partial void CompactionFailed(ILogger logger, Exception exception, string boardId, long clock);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Information, Message = "Board {BoardId} saved history snapshot {SnapshotId} at clock {Clock}")]
    public static partial void HistorySaved(ILogger logger, string boardId, string snapshotId, long clock);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Warning, Message = "Board {BoardId} could not write its history snapshot at clock {Clock}")]
    public static partial void HistoryFailed(ILogger logger, Exception exception, string boardId, long clock);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Information, Message = "Board {BoardId} erasing (room deleted) at clock {Clock}")]
    public static partial void Erasing(ILogger logger, string boardId, long clock);

    [LoggerMessage(EventId = 2009, Level = LogLevel.Warning, Message = "Board {BoardId} could not load its retained op tail before clock {Clock}; the resume gets a snapshot")]
    public static partial void TailLoadFailed(ILogger logger, Exception exception, string boardId, long clock);
}
