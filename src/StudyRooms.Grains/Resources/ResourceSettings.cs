namespace StudyRooms.Grains.Resources;

/// <summary>Limits of room resource shelves (docs/protocol.md P-RES-3); the defaults hold unless the host configures others.</summary>
public sealed record ResourceSettings
{
    public static readonly ResourceSettings Default = new();

    /// <summary>Items on one room's shelf, links, notes and files together.</summary>
    public int MaxItemsPerRoom { get; init; } = 100;

    /// <summary>Longest link title or file name, in UTF-16 code units.</summary>
    public int MaxTitleLength { get; init; } = 200;

    /// <summary>Longest note, in UTF-16 code units.</summary>
    public int MaxNoteLength { get; init; } = 2_000;

    /// <summary>Longest link address.</summary>
    public int MaxUrlLength { get; init; } = 2_048;

    /// <summary>Items each user may add per minute in a room, sustained.</summary>
    public double AddsPerMinute { get; init; } = 10;

    /// <summary>Items each user may add in a quick burst.</summary>
    public double AddBurst { get; init; } = 10;
}
