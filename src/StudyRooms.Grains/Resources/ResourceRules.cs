using System.Security.Cryptography;
using StudyRooms.Contracts.Protocol;
using StudyRooms.Contracts.Rooms;

namespace StudyRooms.Grains.Resources;

/// <summary>The shelf's pure rules: who may do what (docs/permissions.md) and what an item may hold (P-RES-3, P-RES-7).</summary>
public static class ResourceRules
{
    /// <summary>Null when the caller may read the shelf and download its files (any role with a place), else the refusal (P-RES-5).</summary>
    public static StudyRoomsException? ReadRefusal(ResourceAccess access)
    {
        if (!access.Found)
        {
            return new StudyRoomsException(ErrorCodes.RoomNotFound, "no room has this id");
        }

        if (access.Banned)
        {
            return new StudyRoomsException(ErrorCodes.Banned, "you were banned from this room");
        }

        return access.InRoom ? null : new StudyRoomsException(ErrorCodes.NotInRoom, "join the room first");
    }

    /// <summary>Null when the caller may add to the shelf: members and above; in a read-only room mentors and the owner (P-RES-5).</summary>
    public static StudyRoomsException? WriteRefusal(ResourceAccess access)
    {
        if (ReadRefusal(access) is { } refusal)
        {
            return refusal;
        }

        if (access.Role < RoomRole.Member)
        {
            return new StudyRoomsException(ErrorCodes.Forbidden, "viewers can open the room's resources but not add any");
        }

        return access.ReadOnly && access.Role < RoomRole.Mentor
            ? new StudyRoomsException(ErrorCodes.Forbidden, "the room is read-only; only the owner and mentors may add resources")
            : null;
    }

    /// <summary>Mentors and the owner remove any item; others only their own, while they may add (P-RES-4).</summary>
    public static bool MayRemoveAny(ResourceAccess access) => ReadRefusal(access) is null && access.Role >= RoomRole.Mentor;

    /// <summary>The link as stored: an absolute http or https address with a host, and its title (the address when none is given).</summary>
    public static (string Url, string Title) CheckLink(string? url, string? title, ResourceSettings settings)
    {
        var trimmed = url?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw Invalid("a link needs a url");
        }

        if (trimmed.Length > settings.MaxUrlLength)
        {
            throw Invalid($"a url may be at most {settings.MaxUrlLength} characters long");
        }

        if (trimmed.Any(c => char.IsControl(c) || char.IsWhiteSpace(c))
            || !Uri.TryCreate(trimmed, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || string.IsNullOrEmpty(uri.Host))
        {
            throw Invalid("a link must be an http:// or https:// address");
        }

        var cleanTitle = string.IsNullOrWhiteSpace(title) ? uri.AbsoluteUri : CheckLine(title, "title", settings.MaxTitleLength);
        if (cleanTitle.Length > settings.MaxTitleLength)
        {
            cleanTitle = cleanTitle[..settings.MaxTitleLength];
        }

        return (uri.AbsoluteUri, cleanTitle);
    }

    /// <summary>A note's text: not blank, within the limit, no control characters but line breaks and tabs.</summary>
    public static string CheckNote(string? text, ResourceSettings settings)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw Invalid("a note needs text");
        }

        var trimmed = text.Trim();
        if (trimmed.Length > settings.MaxNoteLength)
        {
            throw Invalid($"a note may be at most {settings.MaxNoteLength} characters long");
        }

        if (trimmed.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
        {
            throw Invalid("a note may not hold control characters");
        }

        return trimmed;
    }

    /// <summary>
    /// A file name fit to show and to send in Content-Disposition: the last path segment, without
    /// control characters, at most <paramref name="maxLength"/> characters (the extension kept), never empty.
    /// </summary>
    public static string CleanFileName(string? name, int maxLength)
    {
        var last = (name ?? "").Replace('\\', '/').Split('/')[^1];
        var clean = new string(last.Where(c => !char.IsControl(c) && c is not '"').ToArray()).Trim().TrimStart('.');
        if (clean.Length == 0)
        {
            return "file";
        }

        if (clean.Length > maxLength)
        {
            var extension = Path.GetExtension(clean);
            extension = extension.Length is > 1 and <= 10 ? extension : "";
            clean = clean[..(maxLength - extension.Length)] + extension;
        }

        return clean;
    }

    /// <summary>A blob id: 32 lowercase hex digits, 128 random bits (P-RES-6).</summary>
    public static bool IsBlobId(string? blobId) =>
        blobId is { Length: 32 } && blobId.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');

    public static string NewBlobId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public static string NewResourceId() =>
        "res_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string CheckLine(string text, string what, int maxLength)
    {
        var trimmed = text.Trim();
        if (trimmed.Length > maxLength)
        {
            throw Invalid($"a {what} may be at most {maxLength} characters long");
        }

        if (trimmed.Any(char.IsControl))
        {
            throw Invalid($"a {what} may not hold control characters");
        }

        return trimmed;
    }

    private static StudyRoomsException Invalid(string reason) => new(ErrorCodes.InvalidResource, reason);
}
