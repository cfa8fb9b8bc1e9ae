namespace StudyRooms.Contracts.Boards;

/// <summary>What the hub hands the board grain for one PushOps call.</summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.PushOpsCommand")]
public sealed record PushOpsCommand
{
    [Id(0)] public required string UserId { get; init; }
    [Id(1)] public required string ClientId { get; init; }
    /// <summary>The pushing connection, excluded from the OpsApplied broadcast (P-OPS-7).</summary>
    [Id(2)] public required string ConnectionId { get; init; }
    [Id(3)] public required ElementOp[] Ops { get; init; }
}
