using StudyRooms.Contracts.Discovery;

namespace StudyRooms.Grains.Discovery;

/// <summary>The public rooms, so the directory survives its own deactivation.</summary>
[GenerateSerializer, Alias("StudyRooms.RoomDirectoryState")]
public sealed class RoomDirectoryState
{
    [Id(0)] public Dictionary<string, DirectoryEntry> Rooms { get; set; } = new(StringComparer.Ordinal);
}
