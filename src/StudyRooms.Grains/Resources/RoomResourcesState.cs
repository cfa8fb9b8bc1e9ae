using StudyRooms.Contracts.Resources;

namespace StudyRooms.Grains.Resources;

/// <summary>The persisted shelf of a room: its items (oldest first) and the counter of the next seq.</summary>
[GenerateSerializer, Alias("StudyRooms.RoomResourcesState")]
public sealed class RoomResourcesState
{
    [Id(0)] public List<ResourceItem> Items { get; set; } = [];
    [Id(1)] public long LastSeq { get; set; }
}
