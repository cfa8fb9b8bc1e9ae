namespace StudyRooms.Contracts.Boards;

/// <summary>Hub request of MoveCursor: volatile cursor, selection, laser and viewport (P-LIVE-3).</summary>
public sealed record CursorUpdate
{
    public string? RoomId { get; init; }
    public double X { get; init; }
    public double Y { get; init; }
    public bool Visible { get; init; } = true;
    public bool Laser { get; init; }
    public string[]? Selection { get; init; }
    public Viewport? Viewport { get; init; }

    /// <summary>The sending tab's client id (P-JOIN-1), echoed in <see cref="CursorMoved.ClientId"/>; optional.</summary>
    public string? ClientId { get; init; }
}
