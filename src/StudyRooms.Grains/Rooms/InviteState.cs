using StudyRooms.Contracts.Rooms;

namespace StudyRooms.Grains.Rooms;

/// <summary>One usable invite link of a room; revoked ones are deleted, so they stop at once (P-INV-3).</summary>
[GenerateSerializer, Alias("StudyRooms.InviteState")]
public sealed class InviteState
{
    /// <summary>22 url-safe characters, 128 random bits; the code is the room id followed by it.</summary>
    [Id(0)] public string Secret { get; set; } = "";
    [Id(1)] public RoomRole Role { get; set; } = RoomRole.Member;
    [Id(2)] public DateTimeOffset CreatedAt { get; set; }
    [Id(3)] public DateTimeOffset? ExpiresAt { get; set; }
    [Id(4)] public int? MaxUses { get; set; }
    [Id(5)] public int Uses { get; set; }
}
