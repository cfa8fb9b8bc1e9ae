using StudyRooms.Contracts.Boards;

namespace StudyRooms.Grains.Storage;

/// <summary>One committed board operation as kept in the board's durable operation log.</summary>
public sealed record StoredOp
{
    public long Clock { get; init; }
    public required string AuthorId { get; init; }
    public required string ClientId { get; init; }
    public long ClientSeq { get; init; }
    public ElementOpKind Kind { get; init; }
    public required string ElementId { get; init; }
    public string? Type { get; init; }
    public ElementProps? Props { get; init; }
}
