using StudyRooms.Contracts.Chat;

namespace StudyRooms.Grains.Storage;

/// <summary>
/// The durable home of room chats: messages keyed by (room, seq) plus each user's read position.
/// A write that returns has reached storage (docs/protocol.md P-CHAT-2), so the chat grain
/// acknowledges only after it. History lives here, not in grain state: a room may hold any number
/// of messages, and readers page through them by seq.
/// </summary>
public interface IChatStore
{
    /// <summary>Inserts or replaces messages by seq, atomically: all of them or none.</summary>
    Task WriteAsync(string roomId, IReadOnlyList<ChatMessage> messages, CancellationToken cancellationToken = default);

    Task<ChatMessage?> GetAsync(string roomId, long seq, CancellationToken cancellationToken = default);

    /// <summary>The newest messages of the room, timeline and threads alike, newest first.</summary>
    Task<IReadOnlyList<ChatMessage>> RecentAsync(string roomId, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Up to <paramref name="limit"/> messages with seq below <paramref name="beforeSeq"/> (the newest
    /// when null), newest first: top-level messages when <paramref name="threadRootSeq"/> is null,
    /// else the replies of that thread.
    /// </summary>
    Task<IReadOnlyList<ChatMessage>> PageAsync(string roomId, long? threadRootSeq, long? beforeSeq, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Live (not deleted) messages whose text contains <paramref name="query"/>, compared with
    /// <see cref="ChatSearch.Fold"/>, newest first, below <paramref name="beforeSeq"/>.
    /// </summary>
    Task<ChatSearchPage> SearchAsync(string roomId, string query, long? beforeSeq, int limit, CancellationToken cancellationToken = default);

    /// <summary>The last seq the user has read in the room; 0 when never.</summary>
    Task<long> GetReadAsync(string roomId, string userId, CancellationToken cancellationToken = default);

    /// <summary>Stores the user's read position; never moves it back.</summary>
    Task SetReadAsync(string roomId, string userId, long seq, CancellationToken cancellationToken = default);

    /// <summary>Up to <paramref name="limit"/> messages with seq above <paramref name="afterSeq"/>, oldest first, timeline and threads alike.</summary>
    Task<IReadOnlyList<ChatMessage>> ScanAsync(string roomId, long afterSeq, int limit, CancellationToken cancellationToken = default);

    /// <summary>Erases one user's read position in the room (the user was deleted, P-ACCT-4).</summary>
    Task ForgetReadAsync(string roomId, string userId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Erases the room's chat: every message and every read position (P-LIFE-4). Erasing a room with
    /// no chat succeeds.
    /// </summary>
    Task DeleteRoomAsync(string roomId, CancellationToken cancellationToken = default);
}
