namespace StudyRooms.Contracts.Boards;

/// <summary>What the HTTP import hands the board grain: elements from a board.json file (P-EXP-3).</summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.ImportBoardCommand")]
public sealed record ImportBoardCommand
{
    [Id(0)] public required string UserId { get; init; }
    /// <summary>Elements as exported; their ids are replaced by fresh ones.</summary>
    [Id(1)] public required BoardElement[] Elements { get; init; }
}
