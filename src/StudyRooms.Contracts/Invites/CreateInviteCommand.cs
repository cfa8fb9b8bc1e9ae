using StudyRooms.Contracts.Rooms;

namespace StudyRooms.Contracts.Invites;

/// <summary>The owner asks the room grain for a new invite link (P-INV-1).</summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.CreateInviteCommand")]
public sealed record CreateInviteCommand
{
    [Id(0)] public required string ActorId { get; init; }
    [Id(1)] public RoomRole Role { get; init; } = RoomRole.Member;
    [Id(2)] public int? ExpiresInMinutes { get; init; }
    [Id(3)] public int? MaxUses { get; init; }
}
