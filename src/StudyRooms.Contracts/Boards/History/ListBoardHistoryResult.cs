namespace StudyRooms.Contracts.Boards.History;

/// <summary>Answer of ListBoardHistory: the board's history snapshots, newest first (P-HIST-2).</summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.ListBoardHistoryResult")]
public sealed record ListBoardHistoryResult
{
    [Id(0)] public required BoardHistoryEntry[] Entries { get; init; }
}
