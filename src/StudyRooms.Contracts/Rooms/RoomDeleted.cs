namespace StudyRooms.Contracts.Rooms;

/// <summary>
/// The owner deleted the room: every connection in it hears this once, is taken out of the room, and
/// the room's data is erased (P-LIFE-4). The client shows that the room is gone and offers the way home.
/// </summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.RoomDeleted")]
public sealed record RoomDeleted
{
    [Id(0)] public required string RoomId { get; init; }
    [Id(1)] public string Name { get; init; } = "";
}
