namespace StudyRooms.Contracts.Boards;

/// <summary>Hub request of PushOps (wire).</summary>
public sealed record PushOpsRequest
{
    public string? RoomId { get; init; }
    public string? ClientId { get; init; }
    public ElementOp[]? Ops { get; init; }
}
