namespace StudyRooms.Contracts.Discovery;

/// <summary>A search of the directory (P-DIR-1, P-DIR-2): text, an optional tag, and a page.</summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.DirectoryQuery")]
public sealed record DirectoryQuery
{
    /// <summary>Kept when the name, topic or a tag contains it, case-insensitive; empty for all.</summary>
    [Id(0)] public string? Text { get; init; }
    /// <summary>Kept when the room has exactly this tag (tags are lower case, P-ROOM-3).</summary>
    [Id(1)] public string? Tag { get; init; }
    [Id(2)] public int Offset { get; init; }
    [Id(3)] public int Limit { get; init; } = 50;
}
