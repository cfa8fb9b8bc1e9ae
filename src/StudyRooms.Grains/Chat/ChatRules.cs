using System.Globalization;
using StudyRooms.Contracts.Chat;
using StudyRooms.Contracts.Protocol;
using StudyRooms.Contracts.Rooms;
using StudyRooms.Grains.Boards;
using StudyRooms.Grains.Rooms;

namespace StudyRooms.Grains.Chat;

/// <summary>The chat's pure rules: who may do what (docs/permissions.md) and what a request may hold (P-CHAT-6..13).</summary>
public static class ChatRules
{
    /// <summary>Null when the connection may read the chat (any role in the room), else the refusal.</summary>
    public static StudyRoomsException? ReadRefusal(ChatAccess access) =>
        access.InRoom ? null : new StudyRoomsException(ErrorCodes.NotInRoom, "this connection is not in the room (it left, expired, was removed or banned)");

    /// <summary>
    /// Null when the connection may post, edit its own messages and react, else the refusal: members
    /// and above; in a read-only room only mentors and the owner; not a user a moderator muted
    /// (P-CHAT-15). A sprint's focus phase muting the chat would be one more field of
    /// <see cref="ChatAccess"/> checked here.
    /// </summary>
    public static StudyRoomsException? WriteRefusal(ChatAccess access)
    {
        if (ArchivedRefusal(access) is { } refusal)
        {
            return refusal;
        }

        if (access.Role < RoomRole.Member)
        {
            return new StudyRoomsException(ErrorCodes.Forbidden, "viewers can read the chat but not write in it");
        }

        if (access.ReadOnly && access.Role < RoomRole.Mentor)
        {
            return new StudyRoomsException(ErrorCodes.Forbidden, "the room is read-only; only the owner and mentors may write");
        }

        if (access.Muted)
        {
            return new StudyRoomsException(ErrorCodes.Forbidden, "a moderator muted you in this room's chat");
        }

        return null;
    }

    /// <summary>Null when the connection may change the chat at all: in the room, and the room not archived (P-LIFE-2).</summary>
    public static StudyRoomsException? ArchivedRefusal(ChatAccess access) =>
        ReadRefusal(access) ?? (access.Archived
            ? new StudyRoomsException(ErrorCodes.RoomArchived, "the room is archived; its chat is read-only until the owner restores it")
            : null);

    /// <summary>Mentors and the owner delete any message; others only their own (P-CHAT-7).</summary>
    public static bool MayDeleteAny(ChatAccess access) => access.InRoom && access.Role >= RoomRole.Mentor;

    /// <summary>The text as written, when it is not blank and within the limit (P-CHAT-6).</summary>
    public static string CheckText(string? text, ChatSettings settings)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new StudyRoomsException(ErrorCodes.InvalidRequest, "text must not be empty");
        }

        if (text.Length > settings.MaxTextLength)
        {
            throw new StudyRoomsException(ErrorCodes.MessageTooLong, $"a message holds at most {settings.MaxTextLength} characters; this one has {text.Length}");
        }

        return text;
    }

    public static string CheckClientMessageId(string? id) =>
        Identifiers.IsValid(id)
            ? id!
            : throw new StudyRoomsException(ErrorCodes.InvalidRequest, $"clientMessageId must be 1–{BoardLimits.MaxIdLength} characters of A–Z, a–z, 0–9, _ or -");

    /// <summary>Distinct mentioned user ids, in order (P-CHAT-9).</summary>
    public static string[] CheckMentions(string[]? mentions)
    {
        var distinct = (mentions ?? []).Distinct(StringComparer.Ordinal).ToArray();
        if (distinct.Length > ChatLimits.MaxMentions)
        {
            throw new StudyRoomsException(ErrorCodes.InvalidRequest, $"a message mentions at most {ChatLimits.MaxMentions} users");
        }

        if (distinct.Any(id => string.IsNullOrEmpty(id) || id.Length > RoomRules.MaxUserIdLength || id.Any(char.IsWhiteSpace)))
        {
            throw new StudyRoomsException(ErrorCodes.InvalidRequest, "mentions must be user ids");
        }

        return distinct;
    }

    /// <summary>
    /// An emoji: 1–16 characters, no spaces or control characters, and not plain ASCII (so "lol" is
    /// not a reaction). Whatever it is, clients show it as text (P-CHAT-8).
    /// </summary>
    public static string CheckEmoji(string? emoji)
    {
        if (string.IsNullOrEmpty(emoji)
            || emoji.Length > ChatLimits.MaxEmojiLength
            || emoji.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))
            || emoji.All(char.IsAscii))
        {
            throw new StudyRoomsException(ErrorCodes.InvalidRequest, $"emoji must be 1–{ChatLimits.MaxEmojiLength} characters of an emoji");
        }

        return emoji;
    }

    /// <summary>Toggles the user's <paramref name="emoji"/> on the reactions: added when absent, removed when present (P-CHAT-8).</summary>
    public static ChatReaction[] Toggle(ChatReaction[] reactions, string emoji, string userId)
    {
        var list = reactions.ToList();
        var index = list.FindIndex(r => r.Emoji == emoji);
        if (index < 0)
        {
            if (list.Count >= ChatLimits.MaxReactionsPerMessage)
            {
                throw new StudyRoomsException(ErrorCodes.InvalidRequest, $"a message holds at most {ChatLimits.MaxReactionsPerMessage} different reactions");
            }

            list.Add(new ChatReaction { Emoji = emoji, UserIds = [userId] });
            return list.ToArray();
        }

        var users = list[index].UserIds;
        var toggled = users.Contains(userId, StringComparer.Ordinal)
            ? users.Where(u => u != userId).ToArray()
            : [.. users, userId];
        if (toggled.Length == 0)
        {
            list.RemoveAt(index);
        }
        else
        {
            list[index] = list[index] with { UserIds = toggled };
        }

        return list.ToArray();
    }

    public static int CheckLimit(int? limit, int fallback, int max) =>
        limit switch
        {
            null => fallback,
            >= 1 when limit <= max => limit.Value,
            _ => throw new StudyRoomsException(ErrorCodes.InvalidRequest, $"limit must be 1–{max}"),
        };

    public static string CheckQuery(string? query)
    {
        var trimmed = query?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > ChatLimits.MaxQueryLength)
        {
            throw new StudyRoomsException(ErrorCodes.InvalidRequest, $"query must be 1–{ChatLimits.MaxQueryLength} characters");
        }

        return trimmed;
    }

    public static StudyRoomsException RateLimited(ChatSettings settings) =>
        new(
            ErrorCodes.RateLimited,
            RetryHint.Append(
                string.Create(CultureInfo.InvariantCulture, $"at most {settings.MessageBurst:0.##} messages in a row and {settings.MessagesPerSecond:0.##} per second after that"),
                TimeSpan.FromSeconds(1 / settings.MessagesPerSecond)));
}
