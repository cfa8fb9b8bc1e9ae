namespace StudyRooms.Contracts.Boards;

/// <summary>Answer of PushOps: the board clock after the push and one ack per op.</summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.PushOpsResult")]
public sealed record PushOpsResult
{
    [Id(0)] public long Clock { get; init; }
    [Id(1)] public required OpAck[] Acks { get; init; }
}
