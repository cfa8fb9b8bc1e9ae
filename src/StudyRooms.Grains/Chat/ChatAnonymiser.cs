using StudyRooms.Contracts.Accounts;
using StudyRooms.Contracts.Chat;

namespace StudyRooms.Grains.Chat;

/// <summary>
/// What a chat message keeps of a deleted user (P-ACCT-4), pure so it is tested without a silo: the
/// text stays as written; the author and a deleter become <see cref="DeletedUsers.MarkerId"/>; the
/// user's mentions and reactions go.
/// </summary>
public static class ChatAnonymiser
{
    /// <summary>The message without the user, or null when it names the user nowhere (nothing to rewrite).</summary>
    public static ChatMessage? Without(ChatMessage message, string userId)
    {
        var authored = message.AuthorId == userId;
        var deleted = message.DeletedBy == userId;
        var mentioned = message.Mentions.Contains(userId, StringComparer.Ordinal);
        var reacted = message.Reactions.Any(r => r.UserIds.Contains(userId, StringComparer.Ordinal));
        if (!authored && !deleted && !mentioned && !reacted)
        {
            return null;
        }

        return message with
        {
            AuthorId = authored ? DeletedUsers.MarkerId : message.AuthorId,
            AuthorName = authored ? DeletedUsers.MarkerName : message.AuthorName,
            DeletedBy = deleted ? DeletedUsers.MarkerId : message.DeletedBy,
            Mentions = mentioned ? message.Mentions.Where(id => id != userId).ToArray() : message.Mentions,
            Reactions = reacted
                ? message.Reactions
                    .Select(r => r with { UserIds = r.UserIds.Where(id => id != userId).ToArray() })
                    .Where(r => r.UserIds.Length > 0)
                    .ToArray()
                : message.Reactions,
        };
    }
}
