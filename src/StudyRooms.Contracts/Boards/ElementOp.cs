namespace StudyRooms.Contracts.Boards;

/// <summary>One edit of one element, as a client sends it (docs/protocol.md, ElementOp).</summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.ElementOp")]
public sealed record ElementOp
{
    [Id(0)] public ElementOpKind Kind { get; init; }
    [Id(1)] public string? ElementId { get; init; }
    /// <summary>Strictly increasing per client id (P-OPS-3).</summary>
    [Id(2)] public long ClientSeq { get; init; }
    /// <summary>Element type; create only.</summary>
    [Id(3)] public string? Type { get; init; }
    [Id(4)] public ElementProps? Props { get; init; }
}
