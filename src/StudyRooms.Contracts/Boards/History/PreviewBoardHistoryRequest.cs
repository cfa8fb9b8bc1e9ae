namespace StudyRooms.Contracts.Boards.History;

/// <summary>Hub request of PreviewBoardHistory (wire, P-HIST-3).</summary>
public sealed record PreviewBoardHistoryRequest
{
    public string? RoomId { get; init; }
    public string? SnapshotId { get; init; }
}
