namespace StudyRooms.Contracts.Resources;

/// <summary>Who calls the resource shelf, as the hub or the HTTP endpoint knows it from the token.</summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.ResourceActor")]
public sealed record ResourceActor
{
    [Id(0)] public required string UserId { get; init; }
    [Id(1)] public required string DisplayName { get; init; }
    /// <summary>The calling hub connection, which must be in the room; null over HTTP, where any place in the room counts (P-RES-5).</summary>
    [Id(2)] public string? ConnectionId { get; init; }
}
