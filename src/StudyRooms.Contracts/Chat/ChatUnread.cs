namespace StudyRooms.Contracts.Chat;

/// <summary>A user's read position in a room's chat and how many later messages by others they have not read (P-CHAT-12).</summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.ChatUnread")]
public sealed record ChatUnread
{
    [Id(0)] public long LastReadSeq { get; init; }
    /// <summary>Messages after <see cref="LastReadSeq"/> by others, not deleted; counted up to the recent window's size.</summary>
    [Id(1)] public int Count { get; init; }
}
