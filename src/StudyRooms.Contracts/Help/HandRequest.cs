namespace StudyRooms.Contracts.Help;

/// <summary>Hub request of TakeHand and ResolveHand (wire): whose raised hand; the caller's own when userId is absent.</summary>
public sealed record HandRequest
{
    public string? RoomId { get; init; }
    public string? UserId { get; init; }
}
