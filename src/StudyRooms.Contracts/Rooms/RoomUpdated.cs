namespace StudyRooms.Contracts.Rooms;

/// <summary>Event: the room's settings changed, e.g. it became read-only (P-MOD-5).</summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.RoomUpdated")]
public sealed record RoomUpdated
{
    [Id(0)] public required string RoomId { get; init; }
    [Id(1)] public required RoomSnapshot Room { get; init; }
}
