using StudyRooms.Contracts.Protocol;

namespace StudyRooms.Grains.Stats;

/// <summary>Turns a client's IANA time zone id ("Europe/Berlin") into a <see cref="TimeZoneInfo"/>, or refuses it.</summary>
public static class StudyTimeZones
{
    public const int MaxIdLength = 64;

    /// <summary>True for a known IANA id; Windows ids, "Local", other files of the zoneinfo folder and anything path-like are refused.</summary>
    public static bool TryResolve(string? id, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        // IANA ids start with a capital letter; this also keeps out the zoneinfo folder's other files
        // ("localtime", "posixrules") and variants ("posix/…", "right/…" with leap seconds).
        if (string.IsNullOrEmpty(id) || id.Length > MaxIdLength || !char.IsAsciiLetterUpper(id[0]) || !id.All(IsIdChar)
            || id.Contains("..", StringComparison.Ordinal) || id.Contains("//", StringComparison.Ordinal) || id.EndsWith('/'))
        {
            return false;
        }

        // Windows ids ("W. Europe Standard Time") hold spaces and are refused above; the check on
        // HasIanaId keeps the answer the same on a host that resolves ids through ICU.
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(id, out var found) || !found.HasIanaId)
        {
            return false;
        }

        zone = found;
        return true;
    }

    /// <summary>The zone for an IANA id; an unknown one is refused with INVALID_TIME_ZONE.</summary>
    public static TimeZoneInfo Resolve(string? id) =>
        TryResolve(id, out var zone)
            ? zone
            : throw new StudyRoomsException(ErrorCodes.InvalidTimeZone, "tz must be a known IANA time zone id such as Europe/Berlin");

    private static bool IsIdChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '/' or '_' or '-' or '+';
}
