using StudyRooms.Contracts.Rooms;

namespace StudyRooms.Contracts.Invites;

/// <summary>One invite link of a room, as its owner sees it (P-INV-1).</summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.InviteInfo")]
public sealed record InviteInfo
{
    /// <summary>The room id followed by 22 characters of secret (128 random bits).</summary>
    [Id(0)] public required string Code { get; init; }
    /// <summary>Path of the invite page: /i/{code}.</summary>
    [Id(1)] public required string Link { get; init; }
    [Id(2)] public required RoomRole Role { get; init; }
    [Id(3)] public DateTimeOffset CreatedAt { get; init; }
    [Id(4)] public DateTimeOffset? ExpiresAt { get; init; }
    [Id(5)] public int? MaxUses { get; init; }
    [Id(6)] public int Uses { get; init; }
}
