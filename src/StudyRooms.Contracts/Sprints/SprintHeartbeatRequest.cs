namespace StudyRooms.Contracts.Sprints;

/// <summary>Hub request of SprintHeartbeat (wire, P-SPR-11): sent about every 60 s by a client in a sprint.</summary>
public sealed record SprintHeartbeatRequest
{
    public string? RoomId { get; init; }
    /// <summary>True when the user gave input (keys, pointer, board edits) since the previous heartbeat.</summary>
    public bool Active { get; init; }
}
