namespace StudyRooms.Contracts.Chat;

/// <summary>
/// The chat of one room: the single authority that orders its messages with a per-room sequence
/// (P-CHAT-1), checks limits and permissions (asking the room grain for the caller's place), and
/// acknowledges a message only once the chat store holds it (P-CHAT-2). Key: the room id.
/// Requests are the wire records (the grain validates every member); <see cref="ChatActor"/> carries
/// what the hub knows and the client may not choose.
/// </summary>
[Alias("StudyRooms.IChatGrain")]
public interface IChatGrain : IGrainWithStringKey
{
    [Alias("Post")]
    Task<ChatMessage> PostAsync(ChatActor actor, PostMessageRequest request);

    [Alias("Edit")]
    Task<ChatMessage> EditAsync(ChatActor actor, EditMessageRequest request);

    [Alias("Delete")]
    Task<ChatMessage> DeleteAsync(ChatActor actor, DeleteMessageRequest request);

    [Alias("React")]
    Task<ChatMessage> ReactAsync(ChatActor actor, ReactToMessageRequest request);

    [Alias("Load")]
    Task<LoadMessagesResult> LoadAsync(ChatActor actor, LoadMessagesRequest request);

    [Alias("Search")]
    Task<SearchMessagesResult> SearchAsync(ChatActor actor, SearchMessagesRequest request);

    [Alias("MarkRead")]
    Task<ChatUnread> MarkReadAsync(ChatActor actor, MarkReadRequest request);

    /// <summary>
    /// Erases the chat: every message and read position in the chat store, and its memory, then deactivates; part of deleting a room (P-LIFE-4). Idempotent: erasing
    /// what is already gone succeeds.
    /// </summary>
    [Alias("Erase")]
    Task EraseAsync();

    /// <summary>
    /// Anonymises a deleted user in the chat (P-ACCT-4): their messages keep their text with the
    /// author (and a deleter) replaced by <c>DeletedUsers.MarkerId</c>; their mentions, reactions and
    /// read position go. Idempotent.
    /// </summary>
    [Alias("ForgetUser")]
    Task ForgetUserAsync(string userId);
}
