namespace StudyRooms.Grains.Rooms;

/// <summary>Shape of the names people type: display names, room names, topics (P-AUTH-2, P-ROOM-1).</summary>
public static class RoomRules
{
    public const int MaxDisplayNameLength = 40;
    public const int MaxRoomNameLength = 80;
    public const int MaxTopicLength = 80;

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

    /// <summary>The room page path for a room id (P-ROOM-2).</summary>
    public static string LinkFor(string roomId) => $"/r/{roomId}";

    /// <summary>Room ids are 22 url-safe characters, as made by the host (P-ROOM-1).</summary>
    public static bool IsRoomId(string? roomId) =>
        roomId is { Length: 22 } && roomId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
