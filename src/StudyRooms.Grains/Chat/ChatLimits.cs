namespace StudyRooms.Grains.Chat;

/// <summary>Fixed chat limits of the protocol (P-CHAT-6, P-CHAT-8, P-CHAT-9, P-CHAT-11, P-CHAT-13).</summary>
public static class ChatLimits
{
    public const int MaxMentions = 20;
    public const int MaxEmojiLength = 16;
    public const int MaxReactionsPerMessage = 20;
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 100;
    public const int DefaultSearchSize = 20;
    public const int MaxSearchSize = 50;
    public const int MaxQueryLength = 100;
}
