using System.Globalization;

namespace StudyRooms.LoadTest;

/// <summary>
/// Element ids that carry their send time: <c>e{client}_{seq}_{timestamp}</c>, the timestamp in
/// <see cref="System.Diagnostics.Stopwatch"/> ticks. On Linux that clock is CLOCK_MONOTONIC, one clock
/// for every process of the machine, so a receiver in another driver process measures edit-to-peer
/// latency without a table of sends (and the ids stay within 64 characters of [A-Za-z0-9_-]).
/// </summary>
public static class EditIds
{
    public static string For(int client, long seq, long timestamp) =>
        string.Create(CultureInfo.InvariantCulture, $"e{client}_{seq}_{timestamp}");

    /// <summary>The send time in an id made by <see cref="For"/>; null for any other id.</summary>
    public static long? SentAt(string elementId)
    {
        var separator = elementId.LastIndexOf('_');
        return separator > 0 && long.TryParse(elementId.AsSpan(separator + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            ? ticks
            : null;
    }
}
