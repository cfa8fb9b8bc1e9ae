using StudyRooms.Grains.Resources;

namespace StudyRooms.Server.Options;

/// <summary>
/// Section "StudyRooms:Resources": the room resource shelves and file uploads (docs/protocol.md
/// P-RES-3, P-RES-6, P-RES-7). Defaults inline; <see cref="ResourceOptionsValidator"/> names any bad key.
/// </summary>
public sealed class ResourceOptions
{
    public const string Section = "StudyRooms:Resources";

    /// <summary>Largest upload in bytes (default 10 MiB); larger ones are refused with 413 FILE_TOO_LARGE.</summary>
    public long MaxFileBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>
    /// Where uploaded files are kept. Unset in the embedded mode: <c>{DataDirectory}/files</c>. In Redis
    /// mode files never go into Redis: the operator sets a folder every server of the cluster shares (a
    /// shared volume), since any server may serve a download or delete a room's files; unset there,
    /// uploads are off (503 UPLOADS_DISABLED) and the shelf holds links and notes only.
    /// </summary>
    public string? FilesDirectory { get; set; }

    /// <summary>Largest width or height of an uploaded image, read from its header.</summary>
    public int MaxImageSide { get; set; } = 10_000;

    public int MaxItemsPerRoom { get; set; } = ResourceSettings.Default.MaxItemsPerRoom;

    public int MaxTitleLength { get; set; } = ResourceSettings.Default.MaxTitleLength;

    public int MaxNoteLength { get; set; } = ResourceSettings.Default.MaxNoteLength;

    /// <summary>Links, notes and files each user may add to a room per minute, sustained.</summary>
    public double AddsPerMinutePerUser { get; set; } = ResourceSettings.Default.AddsPerMinute;

    /// <summary>Links, notes and files each user may add to a room in a quick burst.</summary>
    public double AddBurstPerUser { get; set; } = ResourceSettings.Default.AddBurst;

    /// <summary>The folder files go to in the given mode; null when uploads are off (Redis mode without a folder).</summary>
    public string? FilesDirectoryFor(StudyRoomsOptions studyRooms) =>
        !string.IsNullOrWhiteSpace(FilesDirectory) ? FilesDirectory
        : studyRooms.IsRedisMode ? null
        : Path.Combine(studyRooms.DataDirectory, "files");

    /// <summary>The immutable form the shelf grain uses.</summary>
    public ResourceSettings ToSettings() => new()
    {
        MaxItemsPerRoom = MaxItemsPerRoom,
        MaxTitleLength = MaxTitleLength,
        MaxNoteLength = MaxNoteLength,
        AddsPerMinute = AddsPerMinutePerUser,
        AddBurst = AddBurstPerUser,
    };
}
