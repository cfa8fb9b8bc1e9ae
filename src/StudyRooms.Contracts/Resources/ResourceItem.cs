namespace StudyRooms.Contracts.Resources;

/// <summary>One item of a room's resource shelf (P-RES-1); stored in the shelf's grain state and sent as is.</summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.ResourceItem")]
public sealed record ResourceItem
{
    /// <summary>"res_" and 22 url-safe characters, chosen by the server.</summary>
    [Id(0)] public required string Id { get; init; }
    /// <summary>The shelf's own counter: a later addition has a higher seq; the shelf lists newest first (P-RES-2).</summary>
    [Id(1)] public required long Seq { get; init; }
    [Id(2)] public required ResourceKind Kind { get; init; }
    /// <summary>A link's title (defaults to its address) or a file's name.</summary>
    [Id(3)] public string? Title { get; init; }
    /// <summary>A link's address: http or https only (P-RES-3).</summary>
    [Id(4)] public string? Url { get; init; }
    /// <summary>A note's text.</summary>
    [Id(5)] public string? Text { get; init; }
    [Id(6)] public ResourceFile? File { get; init; }
    [Id(7)] public required string AddedBy { get; init; }
    [Id(8)] public required string AddedByName { get; init; }
    [Id(9)] public required DateTimeOffset AddedAt { get; init; }
}
