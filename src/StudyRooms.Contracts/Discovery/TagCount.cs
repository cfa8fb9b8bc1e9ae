namespace StudyRooms.Contracts.Discovery;

/// <summary>A tag and how many listed rooms carry it.</summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.TagCount")]
public sealed record TagCount
{
    [Id(0)] public required string Tag { get; init; }
    [Id(1)] public int Count { get; init; }
}
