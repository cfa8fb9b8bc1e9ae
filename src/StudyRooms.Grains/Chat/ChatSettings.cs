namespace StudyRooms.Grains.Chat;

/// <summary>Limits of room chats (docs/protocol.md P-CHAT-6); the defaults hold unless the host configures others.</summary>
public sealed record ChatSettings
{
    public static readonly ChatSettings Default = new();

    /// <summary>Longest message text, in UTF-16 code units.</summary>
    public int MaxTextLength { get; init; } = 4_000;

    /// <summary>Messages each user may post per second in a room, sustained.</summary>
    public double MessagesPerSecond { get; init; } = 1;

    /// <summary>Messages each user may post in a quick burst.</summary>
    public double MessageBurst { get; init; } = 10;

    /// <summary>Recent messages kept in memory: resends are recognised and unread messages counted within them.</summary>
    public int RecentWindow { get; init; } = 1_000;
}
