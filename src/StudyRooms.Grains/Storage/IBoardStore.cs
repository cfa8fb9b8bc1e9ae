using StudyRooms.Contracts.Boards.History;

namespace StudyRooms.Grains.Storage;

/// <summary>
/// The durable home of boards: an append-only log of committed ops plus periodic snapshots.
/// An append that returns has reached storage (docs/protocol.md P-OPS-2), so the board grain
/// acknowledges only after it.
/// </summary>
public interface IBoardStore
{
    /// <summary>The last snapshot and every op still in the log (the retained tail may start before the snapshot).</summary>
    Task<StoredBoard> LoadAsync(string boardId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The last snapshot and only the ops after it: what rebuilding the board needs, without the
    /// retained tail before the snapshot, which a resume loads when it needs it (<see cref="LoadOpsAsync"/>, P-JOIN-5).
    /// </summary>
    async Task<StoredBoard> LoadCurrentAsync(string boardId, CancellationToken cancellationToken = default)
    {
        var stored = await LoadAsync(boardId, cancellationToken);
        var after = stored.Snapshot?.Clock ?? 0;
        return stored with { Ops = [.. stored.Ops.Where(op => op.Clock > after)] };
    }

    /// <summary>The stored ops with <paramref name="afterClock"/> &lt; clock ≤ <paramref name="throughClock"/>, in clock order.</summary>
    async Task<IReadOnlyList<StoredOp>> LoadOpsAsync(string boardId, long afterClock, long throughClock, CancellationToken cancellationToken = default)
    {
        var stored = await LoadAsync(boardId, cancellationToken);
        return [.. stored.Ops.Where(op => op.Clock > afterClock && op.Clock <= throughClock).OrderBy(op => op.Clock)];
    }

    /// <summary>Appends ops atomically: all of them or none.</summary>
    Task AppendAsync(string boardId, IReadOnlyList<StoredOp> ops, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores a snapshot and drops the ops it covers except the last <paramref name="retainOps"/> of
    /// them (clock &gt; snapshot clock − retainOps), which stay for resume (P-JOIN-4).
    /// </summary>
    Task SaveSnapshotAsync(string boardId, StoredBoardSnapshot snapshot, int retainOps, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores a named history snapshot (P-HIST-1), then drops the oldest of the board's history
    /// snapshots beyond the newest <paramref name="keep"/>. Apart from the compaction snapshot:
    /// neither ever touches the other.
    /// </summary>
    Task SaveHistoryAsync(string boardId, BoardHistorySnapshot snapshot, int keep, CancellationToken cancellationToken = default);

    /// <summary>The board's history entries (no elements), newest first.</summary>
    Task<IReadOnlyList<BoardHistoryEntry>> ListHistoryAsync(string boardId, CancellationToken cancellationToken = default);

    /// <summary>One history snapshot with its elements, or null when the board has none with this id.</summary>
    Task<BoardHistorySnapshot?> LoadHistoryAsync(string boardId, string snapshotId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Erases everything stored for the board: op log, compaction snapshot and history (P-LIFE-4), in
    /// one atomic step. Erasing a board that has nothing stored succeeds.
    /// </summary>
    Task DeleteAsync(string boardId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Rewrites every stored record of the board that names the user (op log, compaction snapshot,
    /// history entries and their elements) by <see cref="Boards.BoardAnonymiser"/> (P-ACCT-4). The
    /// caller is the board's only writer and has no write in flight. Idempotent.
    /// </summary>
    Task ForgetUserAsync(string boardId, string userId, CancellationToken cancellationToken = default);

    /// <summary>Answers when the storage is reachable; throws otherwise.</summary>
    Task PingAsync(CancellationToken cancellationToken = default);
}
