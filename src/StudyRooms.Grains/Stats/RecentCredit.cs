namespace StudyRooms.Grains.Stats;

/// <summary>The identity of a recent credit, kept for de-duplication within the window.</summary>
[GenerateSerializer, Alias("StudyRooms.RecentCredit")]
public sealed class RecentCredit
{
    [Id(0)] public string UserId { get; set; } = "";
    [Id(1)] public string SprintId { get; set; } = "";
    [Id(2)] public int BlockIndex { get; set; }
    [Id(3)] public DateTimeOffset EndedAt { get; set; }
}
