namespace StudyRooms.Contracts.Resources;

/// <summary>Event: items left the room's shelf (one removal, or all of them when the room's resources are deleted) (P-RES-8).</summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.ResourcesRemoved")]
public sealed record ResourcesRemoved
{
    [Id(0)] public required string RoomId { get; init; }
    [Id(1)] public required string[] ResourceIds { get; init; }
    [Id(2)] public string? ByUserId { get; init; }
}
