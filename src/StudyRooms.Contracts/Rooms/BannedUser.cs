namespace StudyRooms.Contracts.Rooms;

/// <summary>
/// One banned user as moderators see it in the room's ban list (P-MOD-9). The display name is the
/// one the user had when banned; empty for bans stored before names were kept, or of a user banned
/// while not in the room.
/// </summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.BannedUser")]
public sealed record BannedUser
{
    [Id(0)] public required string UserId { get; init; }
    [Id(1)] public string DisplayName { get; init; } = "";
    /// <summary>When the ban was given; null for bans stored before times were kept.</summary>
    [Id(2)] public DateTimeOffset? BannedAt { get; init; }
}
