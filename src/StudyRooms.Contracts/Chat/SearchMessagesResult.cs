namespace StudyRooms.Contracts.Chat;

/// <summary>Answer of SearchMessages: matches, newest first (P-CHAT-13).</summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.SearchMessagesResult")]
public sealed record SearchMessagesResult
{
    [Id(0)] public required ChatMessage[] Messages { get; init; }
    /// <summary>The search may find more before <see cref="NextBeforeSeq"/>: ask again with it as <c>beforeSeq</c>.</summary>
    [Id(1)] public bool HasMore { get; init; }
    [Id(2)] public long? NextBeforeSeq { get; init; }
}
