namespace StudyRooms.Contracts.Boards;

/// <summary>Answer of an import: the board clock after it and the fresh id of each imported element, in file order.</summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.ImportBoardResult")]
public sealed record ImportBoardResult
{
    [Id(0)] public long Clock { get; init; }
    [Id(1)] public required string[] ElementIds { get; init; }
}
