namespace StudyRooms.Contracts.Boards;

/// <summary>Event: another participant's cursor, selection, laser or viewport changed (P-LIVE-3).</summary>
public sealed record CursorMoved
{
    public required string RoomId { get; init; }
    public required string UserId { get; init; }
    public double X { get; init; }
    public double Y { get; init; }
    public bool Visible { get; init; }
    public bool Laser { get; init; }
    public string[]? Selection { get; init; }
    public Viewport? Viewport { get; init; }

    /// <summary>The sending tab's client id when it sent one, so a tab tells its own entry of a frame from its other tabs' (P-LIVE-5).</summary>
    public string? ClientId { get; init; }
}
