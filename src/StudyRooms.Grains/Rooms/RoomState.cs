namespace StudyRooms.Grains.Rooms;

/// <summary>The persisted settings of a room. Presence is deliberately not here.</summary>
[GenerateSerializer, Alias("StudyRooms.RoomState")]
public sealed class RoomState
{
    [Id(0)] public bool Exists { get; set; }
    [Id(1)] public string Name { get; set; } = "";
    [Id(2)] public string Topic { get; set; } = "";
    [Id(3)] public string OwnerId { get; set; } = "";
    [Id(4)] public DateTimeOffset CreatedAt { get; set; }
}
