namespace StudyRooms.Contracts.Sprints;

/// <summary>Event: the recap summary of a focus block, sent again with each new recap (P-SPR-10).</summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.SprintRecapsUpdated")]
public sealed record SprintRecapsUpdated
{
    [Id(0)] public required string RoomId { get; init; }
    [Id(1)] public required string SprintId { get; init; }
    [Id(2)] public int BlockIndex { get; init; }
    [Id(3)] public int Done { get; init; }
    [Id(4)] public int Partly { get; init; }
    [Id(5)] public int NotDone { get; init; }
    [Id(6)] public SprintRecap[] Recaps { get; init; } = [];
}
