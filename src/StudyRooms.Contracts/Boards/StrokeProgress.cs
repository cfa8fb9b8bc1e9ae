namespace StudyRooms.Contracts.Boards;

/// <summary>Hub request of StreamStroke: volatile in-progress points (P-LIVE-1).</summary>
public sealed record StrokeProgress
{
    public string? RoomId { get; init; }
    public string? StrokeId { get; init; }
    public int StartIndex { get; init; }
    public double[]? Points { get; init; }
    public string? StrokeColor { get; init; }
    public double StrokeWidth { get; init; }
}
