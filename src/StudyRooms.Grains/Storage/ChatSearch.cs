namespace StudyRooms.Grains.Storage;

/// <summary>How chat search compares text, the same in every store (P-CHAT-13): case-insensitive substring.</summary>
public static class ChatSearch
{
    /// <summary>Text folded for comparison: lower case by the invariant culture (Unicode-aware, unlike SQLite's LIKE).</summary>
    public static string Fold(string text) => text.ToLowerInvariant();

    public static bool Matches(string text, string foldedQuery) =>
        Fold(text).Contains(foldedQuery, StringComparison.Ordinal);
}
