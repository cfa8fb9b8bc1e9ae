namespace StudyRooms.Contracts.Resources;

/// <summary>A room's resource shelf, newest first (P-RES-2), with the limits the client shows before a refusal.</summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.ResourceShelf")]
public sealed record ResourceShelf
{
    [Id(0)] public required ResourceItem[] Items { get; init; }
    [Id(1)] public required int MaxItems { get; init; }
    [Id(2)] public required int MaxTitleLength { get; init; }
    [Id(3)] public required int MaxNoteLength { get; init; }
}
