namespace StudyRooms.Contracts.Boards.History;

/// <summary>A history snapshot with its live elements: what a preview shows and a restore returns to (P-HIST-3).</summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.BoardHistorySnapshot")]
public sealed record BoardHistorySnapshot
{
    [Id(0)] public required BoardHistoryEntry Entry { get; init; }
    [Id(1)] public required BoardElement[] Elements { get; init; }
}
