namespace StudyRooms.Contracts.Boards;

/// <summary>The board rectangle a user sees, for "follow" (P-LIVE-3).</summary>
public sealed record Viewport
{
    public double X { get; init; }
    public double Y { get; init; }
    public double Width { get; init; }
    public double Height { get; init; }
}
