namespace StudyRooms.Contracts.Chat;

/// <summary>Event: someone in the room started or stopped typing; relayed, never stored (P-CHAT-14).</summary>
public sealed record TypingChanged
{
    public required string RoomId { get; init; }
    public required string UserId { get; init; }
    public required string DisplayName { get; init; }
    public bool Typing { get; init; }
    public long? ThreadRootSeq { get; init; }
}
