namespace StudyRooms.Contracts.Boards.History;

/// <summary>What the hub hands the board grain to list the history or preview one snapshot (P-HIST-2, P-HIST-3).</summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.BoardHistoryQuery")]
public sealed record BoardHistoryQuery
{
    [Id(0)] public required string UserId { get; init; }
    /// <summary>The asking connection: only connections in the room with role member or above may read the history.</summary>
    [Id(1)] public required string ConnectionId { get; init; }
    /// <summary>The snapshot to preview; unused by a listing.</summary>
    [Id(2)] public string? SnapshotId { get; init; }
}
