namespace StudyRooms.Contracts.Boards.History;

/// <summary>One named history snapshot of a board, without its elements (P-HIST-1, P-HIST-2).</summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.BoardHistoryEntry")]
public sealed record BoardHistoryEntry
{
    /// <summary>Unique within the board: "h_" and 20 hex digits.</summary>
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public DateTimeOffset CreatedAt { get; init; }
    [Id(2)] public required string Label { get; init; }
    [Id(3)] public BoardHistoryReason Reason { get; init; }
    /// <summary>The board clock the snapshot was taken at.</summary>
    [Id(4)] public long Clock { get; init; }
    /// <summary>Live elements in the snapshot.</summary>
    [Id(5)] public int ElementCount { get; init; }
    /// <summary>Users who edited the board since the previous history snapshot (at most 20).</summary>
    [Id(6)] public required string[] EditorIds { get; init; }
}
