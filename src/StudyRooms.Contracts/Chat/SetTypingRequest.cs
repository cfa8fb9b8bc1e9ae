namespace StudyRooms.Contracts.Chat;

/// <summary>Hub request of SetTyping (wire, volatile): the caller started or stopped typing (P-CHAT-14).</summary>
public sealed record SetTypingRequest
{
    public string? RoomId { get; init; }
    public bool Typing { get; init; }
    /// <summary>Typing a reply in this thread; absent for the room's timeline.</summary>
    public long? ThreadRootSeq { get; init; }
}
