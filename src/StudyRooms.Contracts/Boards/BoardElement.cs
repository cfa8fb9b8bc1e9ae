namespace StudyRooms.Contracts.Boards;

/// <summary>A live element in a board snapshot ("Element" in docs/protocol.md).</summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.BoardElement")]
public sealed record BoardElement
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string Type { get; init; }
    /// <summary>Board clock of the last change to this element.</summary>
    [Id(2)] public long Version { get; init; }
    [Id(3)] public required string CreatedBy { get; init; }
    [Id(4)] public required ElementProps Props { get; init; }
}
