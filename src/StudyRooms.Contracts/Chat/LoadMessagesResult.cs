namespace StudyRooms.Contracts.Chat;

/// <summary>Answer of LoadMessages: one page, oldest first, and the caller's unread state (P-CHAT-11, P-CHAT-12).</summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.LoadMessagesResult")]
public sealed record LoadMessagesResult
{
    [Id(0)] public required ChatMessage[] Messages { get; init; }
    /// <summary>Older messages exist before the first of this page: ask again with its seq.</summary>
    [Id(1)] public bool HasMore { get; init; }
    /// <summary>The room's newest seq (0 when the chat is empty).</summary>
    [Id(2)] public long LastSeq { get; init; }
    /// <summary>The thread's root when the page is of a thread.</summary>
    [Id(3)] public ChatMessage? Root { get; init; }
    [Id(4)] public required ChatUnread Unread { get; init; }
}
