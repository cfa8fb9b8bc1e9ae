namespace StudyRooms.Contracts.Sprints;

/// <summary>Who calls the sprint grain, as the hub authenticated them.</summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.SprintActor")]
public sealed record SprintActor
{
    [Id(0)] public required string UserId { get; init; }
    [Id(1)] public required string DisplayName { get; init; }
    [Id(2)] public required string ConnectionId { get; init; }
}
