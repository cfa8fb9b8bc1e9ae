using Microsoft.Extensions.Logging;

namespace StudyRooms.Grains.Sprints;

internal static partial class SprintLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Room {RoomId}: {UserId} started sprint {SprintId} ({Preset}, {Cycles} blocks)")]
    public static partial void Started(ILogger logger, string roomId, string userId, string sprintId, string preset, int cycles);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Room {RoomId}: sprint {SprintId} entered phase {PhaseIndex} at {At}")]
    public static partial void PhaseChanged(ILogger logger, string roomId, string sprintId, int phaseIndex, DateTimeOffset at);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Information, Message = "Room {RoomId}: sprint {SprintId} ended ({Status})")]
    public static partial void Ended(ILogger logger, string roomId, string sprintId, string status);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Warning, Message = "Room {RoomId}: could not record {What} for {UserId}; the sprint goes on")]
    public static partial void StatsFailed(ILogger logger, Exception exception, string roomId, string what, string userId);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Warning, Message = "Room {RoomId}: could not announce a sprint change")]
    public static partial void BroadcastFailed(ILogger logger, Exception exception, string roomId);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Information, Message = "Room {RoomId}: {UserId} did {Act} on sprint {SprintId}")]
    public static partial void Controlled(ILogger logger, string roomId, string userId, string act, string sprintId);
}
