namespace StudyRooms.Contracts.Sprints;

/// <summary>Event: the middle of a long focus block was reached; clients show a gentle check-in (P-SPR-9).</summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.SprintCheckInPrompted")]
public sealed record SprintCheckInPrompted
{
    [Id(0)] public required string RoomId { get; init; }
    [Id(1)] public required string SprintId { get; init; }
    [Id(2)] public int BlockIndex { get; init; }
    [Id(3)] public DateTimeOffset At { get; init; }
}
