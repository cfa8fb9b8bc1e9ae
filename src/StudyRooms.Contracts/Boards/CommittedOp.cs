namespace StudyRooms.Contracts.Boards;

/// <summary>An accepted operation with the board clock the board grain gave it (P-OPS-1).</summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.CommittedOp")]
public sealed record CommittedOp
{
    [Id(0)] public long Clock { get; init; }
    [Id(1)] public ElementOpKind Kind { get; init; }
    [Id(2)] public required string ElementId { get; init; }
    [Id(3)] public string? Type { get; init; }
    [Id(4)] public ElementProps? Props { get; init; }
}
