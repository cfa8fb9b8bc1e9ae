using StudyRooms.Contracts.Stats;

namespace StudyRooms.Grains.Stats;

/// <summary>
/// A user's stored history, bounded (docs/stats.md): every credited block of the retention window
/// with its start, end and credit, so local days can be computed for any time zone when asked;
/// blocks that leave the window are folded into totals. The latest recaps likewise, older ones
/// folded into outcome counts.
/// </summary>
[GenerateSerializer, Alias("StudyRooms.UserStatsState")]
public sealed class UserStatsState
{
    /// <summary>Ordered by <see cref="CreditedBlock.EndedAt"/>, oldest first.</summary>
    [Id(0)] public List<CreditedBlock> Blocks { get; set; } = [];
    /// <summary>Ordered by arrival, oldest first.</summary>
    [Id(1)] public List<FocusRecap> Recaps { get; set; } = [];
    [Id(2)] public TimeSpan FoldedCredited { get; set; }
    [Id(3)] public int FoldedBlocks { get; set; }
    [Id(4)] public int FoldedSprintsCompleted { get; set; }
    /// <summary>The latest end of a folded block; credits ending at or before it can no longer be de-duplicated and are ignored.</summary>
    [Id(5)] public DateTimeOffset? FoldedThrough { get; set; }
    [Id(6)] public int FoldedDone { get; set; }
    [Id(7)] public int FoldedPartly { get; set; }
    [Id(8)] public int FoldedNotDone { get; set; }
}
