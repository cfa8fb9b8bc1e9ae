using StudyRooms.Contracts.Rooms;

namespace StudyRooms.Contracts.Invites;

/// <summary>HTTP body of POST /api/rooms/{roomId}/invites (wire, P-INV-1).</summary>
public sealed record CreateInviteRequest
{
    /// <summary>member (default) or viewer.</summary>
    public RoomRole Role { get; init; } = RoomRole.Member;
    public int? ExpiresInMinutes { get; init; }
    public int? MaxUses { get; init; }
}
