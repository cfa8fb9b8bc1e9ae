namespace StudyRooms.Grains.Rooms;

/// <summary>Shape of the names people type: display names, room names, topics (P-AUTH-2, P-ROOM-1).</summary>
public static class RoomRules
{
    public const int MaxDisplayNameLength = 40;
    public const int MaxRoomNameLength = 80;
    public const int MaxTopicLength = 80;
    public const int MaxDescriptionLength = 500;
    public const int DefaultCapacity = 50;
    public const int MaxCapacity = 500;
    public const int MaxTags = 5;
    public const int MaxTagLength = 30;
    public const int MaxUserIdLength = 64;

    /// <summary>Trims and checks a text field; returns the clean value or a reason.</summary>
    public static (string? Value, string? Error) CleanText(string? raw, string field, int minLength, int maxLength)
    {
        var value = (raw ?? "").Trim();
        if (value.Length < minLength)
        {
            return (null, minLength == 1 ? $"{field} is required" : $"{field} needs at least {minLength} characters");
        }

        if (value.Length > maxLength)
        {
            return (null, $"{field} is longer than {maxLength} characters");
        }

        if (value.Any(char.IsControl))
        {
            return (null, $"{field} contains control characters");
        }

        return (value, null);
    }

    /// <summary>A description: trimmed, at most 500 characters; line breaks allowed, other control characters not (P-ROOM-3).</summary>
    public static (string? Value, string? Error) CleanDescription(string? raw)
    {
        var value = (raw ?? "").Trim().Replace("\r\n", "\n", StringComparison.Ordinal);
        if (value.Length > MaxDescriptionLength)
        {
            return (null, $"description is longer than {MaxDescriptionLength} characters");
        }

        return value.Any(c => char.IsControl(c) && c != '\n')
            ? (null, "description contains control characters")
            : (value, null);
    }

    /// <summary>Topic tags: at most 5, each trimmed, lower-cased, 1–30 characters, duplicates dropped (P-ROOM-3).</summary>
    public static (List<string>? Value, string? Error) CleanTags(string[]? raw)
    {
        var tags = new List<string>();
        foreach (var tag in raw ?? [])
        {
            var (clean, error) = CleanText(tag, "tag", 1, MaxTagLength);
            if (error is not null)
            {
                return (null, error);
            }

            var lower = clean!.ToLowerInvariant();
            if (!tags.Contains(lower))
            {
                tags.Add(lower);
            }
        }

        return tags.Count > MaxTags ? (null, $"at most {MaxTags} tags") : (tags, null);
    }

    /// <summary>Capacity: null means the default; otherwise 1–500 (P-ROOM-4).</summary>
    public static (int Value, string? Error) CleanCapacity(int? raw) => raw switch
    {
        null => (DefaultCapacity, null),
        >= 1 and <= MaxCapacity => (raw.Value, null),
        _ => (0, $"capacity must be 1–{MaxCapacity}"),
    };

    /// <summary>The room page path for a room id (P-ROOM-2).</summary>
    public static string LinkFor(string roomId) => $"/r/{roomId}";

    /// <summary>Room ids are 22 url-safe characters, as made by the host (P-ROOM-1).</summary>
    public static bool IsRoomId(string? roomId) =>
        roomId is { Length: 22 } && roomId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
