namespace StudyRooms.Contracts.Boards.History;

/// <summary>Hub request of ListBoardHistory (wire, P-HIST-2).</summary>
public sealed record ListBoardHistoryRequest
{
    public string? RoomId { get; init; }
}
