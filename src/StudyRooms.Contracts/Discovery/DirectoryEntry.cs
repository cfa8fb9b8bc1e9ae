namespace StudyRooms.Contracts.Discovery;

/// <summary>One public room as the directory lists it (P-DIR-1).</summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.DirectoryEntry")]
public sealed record DirectoryEntry
{
    [Id(0)] public required string RoomId { get; init; }
    [Id(1)] public required string Name { get; init; }
    [Id(2)] public required string Topic { get; init; }
    [Id(3)] public string[] Tags { get; init; } = [];
    [Id(4)] public required string Link { get; init; }
    /// <summary>Users present now ("5 studying now").</summary>
    [Id(5)] public int Occupancy { get; init; }
    /// <summary>When someone last joined or left; the creation time before that.</summary>
    [Id(6)] public DateTimeOffset LastActiveAt { get; init; }
}
