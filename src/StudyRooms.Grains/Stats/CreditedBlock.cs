namespace StudyRooms.Grains.Stats;

/// <summary>One credited focus block kept in a user's history, with the times a local calendar needs.</summary>
[GenerateSerializer, Alias("StudyRooms.CreditedBlock")]
public sealed class CreditedBlock
{
    [Id(0)] public string RoomId { get; set; } = "";
    [Id(1)] public string SprintId { get; set; } = "";
    [Id(2)] public int BlockIndex { get; set; }
    [Id(3)] public DateTimeOffset StartedAt { get; set; }
    [Id(4)] public DateTimeOffset EndedAt { get; set; }
    [Id(5)] public TimeSpan Credited { get; set; }
    [Id(6)] public bool CompletesSprint { get; set; }
}
