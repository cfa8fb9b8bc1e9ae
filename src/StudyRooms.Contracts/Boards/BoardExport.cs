namespace StudyRooms.Contracts.Boards;

/// <summary>The board.json file (wire, HTTP): live elements at one clock (P-EXP-1); also the import body (P-EXP-3).</summary>
public sealed record BoardExport
{
    /// <summary>File format version; 1.</summary>
    public int Format { get; init; } = 1;
    public string? RoomId { get; init; }
    public long Clock { get; init; }
    public BoardElement[]? Elements { get; init; }
}
