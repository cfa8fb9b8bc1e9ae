using System.Globalization;
using System.Text.RegularExpressions;

namespace StudyRooms.Contracts.Protocol;

/// <summary>
/// The retry hint a refusal that may succeed later carries at the end of its reason (P-ERR-5):
/// <c>"…; retry after 250 ms"</c>. The text is part of the contract, so clients can wait as long as
/// the server asks instead of guessing.
/// </summary>
public static partial class RetryHint
{
    /// <summary><paramref name="reason"/> with the hint appended; the wait is rounded up to whole milliseconds, at least 1.</summary>
    public static string Append(string reason, TimeSpan wait) =>
        string.Create(CultureInfo.InvariantCulture, $"{reason}; retry after {Milliseconds(wait)} ms");

    /// <summary>The wait a reason (or a whole hub error message) asks for; null when it carries no hint.</summary>
    public static TimeSpan? Parse(string? text) =>
        text is not null && Pattern().Match(text) is { Success: true } match
            && long.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            ? TimeSpan.FromMilliseconds(ms)
            : null;

    private static long Milliseconds(TimeSpan wait) => Math.Max(1, (long)Math.Ceiling(wait.TotalMilliseconds));

    [GeneratedRegex(@"retry after (\d{1,9}) ms\s*$")]
    private static partial Regex Pattern();
}
