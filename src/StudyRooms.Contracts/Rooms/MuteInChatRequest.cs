namespace StudyRooms.Contracts.Rooms;

/// <summary>Hub request of MuteInChat (wire): a moderator mutes or unmutes a user in the room's chat (P-CHAT-15).</summary>
public sealed record MuteInChatRequest
{
    public string? RoomId { get; init; }
    public string? UserId { get; init; }
    public bool Muted { get; init; } = true;
}
