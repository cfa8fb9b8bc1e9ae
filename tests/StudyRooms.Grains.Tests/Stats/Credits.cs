using StudyRooms.Contracts.Stats;

namespace StudyRooms.Grains.Tests.Stats;

/// <summary>Focus credits and recaps for stats tests.</summary>
internal static class Credits
{
    public static FocusCredit Block(
        string userId, string roomId, string sprintId, int blockIndex, DateTimeOffset startedAt, TimeSpan length,
        TimeSpan? credited = null, string? displayName = null, bool completesSprint = false) => new()
        {
            UserId = userId,
            DisplayName = displayName ?? userId,
            RoomId = roomId,
            SprintId = sprintId,
            BlockIndex = blockIndex,
            BlockStartedAt = startedAt,
            BlockEndedAt = startedAt + length,
            Credited = credited ?? length,
            CompletesSprint = completesSprint,
        };

    public static FocusRecap Recap(string userId, string sprintId, int blockIndex, GoalOutcome outcome, DateTimeOffset at, string roomId = "room", string? goal = "Chapter 3") => new()
    {
        UserId = userId,
        RoomId = roomId,
        SprintId = sprintId,
        BlockIndex = blockIndex,
        Goal = goal,
        Outcome = outcome,
        RecordedAt = at,
    };

    public static DateTimeOffset Utc(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    public static TimeZoneInfo Zone(string id) => TimeZoneInfo.FindSystemTimeZoneById(id);
}
