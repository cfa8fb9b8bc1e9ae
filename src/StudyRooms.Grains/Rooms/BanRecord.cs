namespace StudyRooms.Grains.Rooms;

/// <summary>What the room keeps about a ban besides the banned id: the name moderators see in the ban list (P-MOD-9).</summary>
[GenerateSerializer, Alias("StudyRooms.BanRecord")]
public sealed class BanRecord
{
    [Id(0)] public string DisplayName { get; set; } = "";
    [Id(1)] public DateTimeOffset BannedAt { get; set; }
}
