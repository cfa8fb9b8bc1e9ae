namespace StudyRooms.Contracts.Chat;

/// <summary>
/// One chat message as stored and as sent to clients. <see cref="Seq"/> is its id: the room's chat
/// sequence number it got when posted (P-CHAT-1). A deleted message stays as a tombstone with empty
/// text (P-CHAT-7). The text is exactly what the author wrote; clients render it as text (P-CHAT-10).
/// </summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.ChatMessage")]
public sealed record ChatMessage
{
    [Id(0)] public long Seq { get; init; }
    [Id(1)] public required string AuthorId { get; init; }
    [Id(2)] public required string AuthorName { get; init; }
    /// <summary>The author's own id for the message, so a resend is recognised (P-CHAT-4).</summary>
    [Id(3)] public required string ClientMessageId { get; init; }
    [Id(4)] public required string Text { get; init; }
    /// <summary>The thread this message replies in (the root's seq); null for a top-level message (P-CHAT-5).</summary>
    [Id(5)] public long? ThreadRootSeq { get; init; }
    /// <summary>User ids the message mentions (P-CHAT-9).</summary>
    [Id(6)] public string[] Mentions { get; init; } = [];
    [Id(7)] public DateTimeOffset CreatedAt { get; init; }
    [Id(8)] public DateTimeOffset? EditedAt { get; init; }
    [Id(9)] public bool Deleted { get; init; }
    [Id(10)] public string? DeletedBy { get; init; }
    [Id(11)] public ChatReaction[] Reactions { get; init; } = [];
    /// <summary>On a thread root: how many replies it has.</summary>
    [Id(12)] public int ReplyCount { get; init; }
    [Id(13)] public DateTimeOffset? LastReplyAt { get; init; }
}
