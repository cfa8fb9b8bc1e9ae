namespace StudyRooms.Contracts.Boards;

/// <summary>Acknowledgement of one op: its clock, or 0 for a resend already applied (P-OPS-3).</summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.OpAck")]
public sealed record OpAck
{
    [Id(0)] public long ClientSeq { get; init; }
    [Id(1)] public long Clock { get; init; }
}
