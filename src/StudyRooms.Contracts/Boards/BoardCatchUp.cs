namespace StudyRooms.Contracts.Boards;

/// <summary>
/// What a joining client needs of the board (P-JOIN-4): exactly one of <see cref="Board"/> (the full
/// snapshot) or <see cref="Resume"/> (the ops after the clock it already holds).
/// </summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.BoardCatchUp")]
public sealed record BoardCatchUp
{
    [Id(0)] public BoardSnapshot? Board { get; init; }
    [Id(1)] public BoardResume? Resume { get; init; }
}
