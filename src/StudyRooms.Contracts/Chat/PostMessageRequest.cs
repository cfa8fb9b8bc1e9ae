namespace StudyRooms.Contracts.Chat;

/// <summary>Hub request of PostMessage (wire); the chat grain validates every member (P-CHAT-6).</summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.PostMessageRequest")]
public sealed record PostMessageRequest
{
    [Id(0)] public string? RoomId { get; init; }
    /// <summary>The client's id for this message (P-CHAT-4).</summary>
    [Id(1)] public string? ClientMessageId { get; init; }
    [Id(2)] public string? Text { get; init; }
    /// <summary>Reply in the thread of this message (P-CHAT-5).</summary>
    [Id(3)] public long? ThreadRootSeq { get; init; }
    /// <summary>User ids mentioned in the text (P-CHAT-9).</summary>
    [Id(4)] public string[]? Mentions { get; init; }
}
