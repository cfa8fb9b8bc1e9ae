namespace StudyRooms.Contracts.Boards;

/// <summary>Event: ops committed to a room's board, in clock order (P-OPS-7).</summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.OpsApplied")]
public sealed record OpsApplied
{
    [Id(0)] public required string RoomId { get; init; }
    [Id(1)] public required string AuthorId { get; init; }
    [Id(2)] public required string ClientId { get; init; }
    [Id(3)] public required CommittedOp[] Ops { get; init; }
}
