namespace StudyRooms.Contracts.Resources;

/// <summary>Event: an item was added to the room's shelf; sent to every connection of the room (P-RES-8).</summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.ResourceAdded")]
public sealed record ResourceAdded
{
    [Id(0)] public required string RoomId { get; init; }
    [Id(1)] public required ResourceItem Item { get; init; }
}
