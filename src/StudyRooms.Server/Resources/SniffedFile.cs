namespace StudyRooms.Server.Resources;

/// <summary>What <see cref="FileSniffer"/> found in an upload: its type by content, and an image's size.</summary>
public sealed record SniffedFile(string ContentType, int? Width = null, int? Height = null)
{
    /// <summary>PNG, JPEG, GIF and WebP are shown inline; everything else is sent as an attachment (P-RES-9).</summary>
    public bool IsImage => ContentType.StartsWith("image/", StringComparison.Ordinal);
}
