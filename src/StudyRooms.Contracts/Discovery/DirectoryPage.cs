namespace StudyRooms.Contracts.Discovery;

/// <summary>One page of directory results with the tags of every matching room, for filter chips (P-DIR-2).</summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.DirectoryPage")]
public sealed record DirectoryPage
{
    [Id(0)] public DirectoryEntry[] Rooms { get; init; } = [];
    /// <summary>Rooms matching the query (text and tag) in all pages.</summary>
    [Id(1)] public int Total { get; init; }
    /// <summary>The most common tags of the rooms matching the text (the tag filter aside), most common first.</summary>
    [Id(2)] public TagCount[] Tags { get; init; } = [];
}
