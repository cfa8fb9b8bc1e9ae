namespace StudyRooms.Contracts.Boards;

/// <summary>The ops a reconnecting client missed since its known clock (P-JOIN-4).</summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.BoardResume")]
public sealed record BoardResume
{
    /// <summary>The board clock now; the last op's clock, or the known clock when nothing was missed.</summary>
    [Id(0)] public long Clock { get; init; }
    [Id(1)] public required CommittedOp[] Ops { get; init; }
}
