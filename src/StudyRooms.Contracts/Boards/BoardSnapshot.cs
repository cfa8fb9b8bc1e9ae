namespace StudyRooms.Contracts.Boards;

/// <summary>The live elements of a board at one board clock.</summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.BoardSnapshot")]
public sealed record BoardSnapshot
{
    [Id(0)] public long Clock { get; init; }
    [Id(1)] public required BoardElement[] Elements { get; init; }
}
