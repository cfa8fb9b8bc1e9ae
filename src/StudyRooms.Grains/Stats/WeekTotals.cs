namespace StudyRooms.Grains.Stats;

/// <summary>Per-user credited time of one UTC ISO week in a room.</summary>
[GenerateSerializer, Alias("StudyRooms.WeekTotals")]
public sealed class WeekTotals
{
    /// <summary>The Monday (UTC) the week starts on.</summary>
    [Id(0)] public DateOnly WeekStart { get; set; }
    [Id(1)] public Dictionary<string, TimeSpan> Users { get; set; } = new(StringComparer.Ordinal);
}
