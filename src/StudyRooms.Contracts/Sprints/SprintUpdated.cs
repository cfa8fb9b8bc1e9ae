namespace StudyRooms.Contracts.Sprints;

/// <summary>Event: the room's sprint changed; carries the whole snapshot with its anchors (P-SPR-4).</summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.SprintUpdated")]
public sealed record SprintUpdated
{
    [Id(0)] public required string RoomId { get; init; }
    [Id(1)] public SprintChange Change { get; init; }
    [Id(2)] public required SprintSnapshot Sprint { get; init; }
}
