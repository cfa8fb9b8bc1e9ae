using StudyRooms.Grains.Boards;

namespace StudyRooms.Server.Options;

/// <summary>
/// Section "StudyRooms:Board": the board limits and storage cadence (docs/protocol.md P-OPS-4,
/// P-OPS-6, P-JOIN-4). Defaults inline; <see cref="BoardOptionsValidator"/> names any bad key.
/// </summary>
public sealed class BoardOptions
{
    public const string Section = "StudyRooms:Board";

    /// <summary>Live elements per board.</summary>
    public int MaxElements { get; set; } = BoardSettings.Default.MaxElements;

    /// <summary>Points per stroke (each point is two numbers in <c>points</c>).</summary>
    public int MaxPointsPerStroke { get; set; } = BoardSettings.Default.MaxPointNumbers / 2;

    public int MaxOpsPerPush { get; set; } = BoardSettings.Default.MaxOpsPerPush;

    public int MaxTextLength { get; set; } = BoardSettings.Default.MaxTextLength;

    /// <summary>Points summed over a board's live elements.</summary>
    public long MaxBoardPoints { get; set; } = BoardSettings.Default.MaxBoardPointNumbers / 2;

    public double PushesPerSecondPerUser { get; set; } = BoardSettings.Default.PushesPerSecond;

    public double PushBurstPerUser { get; set; } = BoardSettings.Default.PushBurst;

    /// <summary>Ops kept for resume after compaction; at least <see cref="SnapshotEveryOps"/>.</summary>
    public int OpLogRetention { get; set; } = BoardSettings.Default.OpLogRetention;

    public int SnapshotEveryOps { get; set; } = BoardSettings.Default.SnapshotEveryOps;

    /// <summary>Automatic history snapshots at most this often while a board is edited (P-HIST-1).</summary>
    public TimeSpan HistoryInterval { get; set; } = BoardSettings.Default.HistoryInterval;

    /// <summary>Above this many users present, viewers stop receiving others' cursors (P-LIVE-4).</summary>
    public int CursorsToViewersMaxParticipants { get; set; } = BoardSettings.Default.CursorsToViewersMaxParticipants;

    /// <summary>History snapshots kept per board (P-HIST-1).</summary>
    public int HistoryKeep { get; set; } = BoardSettings.Default.HistoryKeep;

    /// <summary>The immutable form the grains use.</summary>
    public BoardSettings ToSettings() => new()
    {
        MaxElements = MaxElements,
        MaxPointNumbers = MaxPointsPerStroke * 2,
        MaxOpsPerPush = MaxOpsPerPush,
        MaxTextLength = MaxTextLength,
        MaxBoardPointNumbers = MaxBoardPoints * 2,
        PushesPerSecond = PushesPerSecondPerUser,
        PushBurst = PushBurstPerUser,
        OpLogRetention = OpLogRetention,
        SnapshotEveryOps = SnapshotEveryOps,
        HistoryInterval = HistoryInterval,
        HistoryKeep = HistoryKeep,
        CursorsToViewersMaxParticipants = CursorsToViewersMaxParticipants,
    };
}
