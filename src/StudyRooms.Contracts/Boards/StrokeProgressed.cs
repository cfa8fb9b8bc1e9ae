namespace StudyRooms.Contracts.Boards;

/// <summary>Event: another participant's in-progress stroke grew (P-LIVE-1).</summary>
public sealed record StrokeProgressed
{
    public required string RoomId { get; init; }
    public required string UserId { get; init; }
    public required string StrokeId { get; init; }
    public int StartIndex { get; init; }
    public required double[] Points { get; init; }
    public required string StrokeColor { get; init; }
    public double StrokeWidth { get; init; }
}
