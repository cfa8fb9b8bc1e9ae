namespace StudyRooms.Grains.Boards;

/// <summary>
/// The configurable limits and storage cadence of boards (docs/protocol.md P-OPS-4, P-OPS-6,
/// P-JOIN-4). Immutable: the host binds section "StudyRooms:Board", validates it and hands the
/// grains one instance through <c>IOptions&lt;BoardSettings&gt;</c>; unset, the defaults below apply.
/// </summary>
public sealed record BoardSettings
{
    /// <summary>The defaults, as docs/protocol.md states them.</summary>
    public static readonly BoardSettings Default = new();

    /// <summary>Live (not deleted) elements per board.</summary>
    public int MaxElements { get; init; } = BoardLimits.MaxLiveElements;

    /// <summary>Numbers in one element's <c>points</c> (two per point).</summary>
    public int MaxPointNumbers { get; init; } = BoardLimits.MaxPointNumbers;

    /// <summary>Ops in one PushOps call.</summary>
    public int MaxOpsPerPush { get; init; } = BoardLimits.MaxOpsPerPush;

    /// <summary>Characters of an element's <c>text</c>.</summary>
    public int MaxTextLength { get; init; } = BoardLimits.MaxTextLength;

    /// <summary>Point numbers summed over a board's live elements.</summary>
    public long MaxBoardPointNumbers { get; init; } = BoardLimits.MaxBoardPointNumbers;

    /// <summary>Sustained PushOps calls per second per user on one board.</summary>
    public double PushesPerSecond { get; init; } = 60;

    /// <summary>PushOps calls a user may make at once before the rate applies.</summary>
    public double PushBurst { get; init; } = 120;

    /// <summary>Committed ops kept after compaction so reconnecting clients can resume (P-JOIN-4).</summary>
    public int OpLogRetention { get; init; } = 10_000;

    /// <summary>
    /// Ops between snapshots; bounds the replay on activation. Each board adds a stagger of its own
    /// (<see cref="SnapshotIntervalFor"/>).
    /// </summary>
    public int SnapshotEveryOps { get; init; } = 1_000;

    /// <summary>
    /// Ops between this board's snapshots: <see cref="SnapshotEveryOps"/> plus a stagger of up to half
    /// of it, fixed by the board's id, never more than <see cref="OpLogRetention"/>. Boards opened
    /// together and edited alike (a class's breakout rooms) would otherwise all come due in the same
    /// second, and serialising their snapshots is a burst of CPU that edits on one core wait behind
    /// (docs/benchmarks.md, "Staggered snapshots").
    /// </summary>
    public int SnapshotIntervalFor(string boardId)
    {
        // The same stagger for a board in every process and activation.
        var stagger = (int)(StableHash.Of(boardId) % (uint)((SnapshotEveryOps / 2) + 1));
        return Math.Min(SnapshotEveryOps + stagger, Math.Max(SnapshotEveryOps, OpLogRetention));
    }

    /// <summary>
    /// While a board is edited, an automatic history snapshot is taken at most this often and only
    /// when something changed since the last one (P-HIST-1).
    /// </summary>
    public TimeSpan HistoryInterval { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Above this many users present in a room, viewers stop receiving others' cursors; members and
    /// above still do (P-LIVE-4).
    /// </summary>
    public int CursorsToViewersMaxParticipants { get; init; } = 30;

    /// <summary>History snapshots kept per board, newest first; older ones are dropped (P-HIST-1).</summary>
    public int HistoryKeep { get; init; } = 100;
}
