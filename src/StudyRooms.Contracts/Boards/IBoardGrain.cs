namespace StudyRooms.Contracts.Boards;

/// <summary>
/// The whiteboard of one room; the single authority that orders its edits with the board clock.
/// Key: the room id (one board per room).
/// </summary>
[Alias("StudyRooms.IBoardGrain")]
public interface IBoardGrain : IGrainWithStringKey
{
    [Alias("GetSnapshot")]
    Task<BoardSnapshot> GetSnapshotAsync();

    /// <summary>
    /// The ops after <paramref name="knownClock"/> when the op log still holds them all, else the
    /// full snapshot; a null known clock (first join) always gets the snapshot (P-JOIN-4).
    /// </summary>
    [Alias("CatchUp")]
    Task<BoardCatchUp> CatchUpAsync(long? knownClock);

    [Alias("PushOps")]
    Task<PushOpsResult> PushOpsAsync(PushOpsCommand command);

    /// <summary>
    /// Who may edit, as the room grain decides it (P-MOD-6); null lifts every restriction (a board
    /// with no room). The room calls it whenever presence, roles or the read-only switch change.
    /// </summary>
    [Alias("SetAccess")]
    Task SetAccessAsync(Rooms.BoardAccess? access);

    /// <summary>
    /// Whether the room's sprint locks the board for members in its current phase (P-SPR-7); the
    /// sprint grain calls it when that changes. Owners and mentors are never locked.
    /// </summary>
    [Alias("SetSprintLock")]
    Task SetSprintLockAsync(bool locked);

    /// <summary>Adds elements from a board.json file as create ops with fresh ids, all or none (P-EXP-3).</summary>
    [Alias("Import")]
    Task<ImportBoardResult> ImportAsync(ImportBoardCommand command);

    /// <summary>
    /// The hook for named history snapshots (P-HIST-1): stores the board as it is now under
    /// <paramref name="label"/> (trimmed, 1–80 characters, no control characters; else
    /// INVALID_REQUEST), even when nothing changed since the last one, and answers once it is
    /// durable. The sprint engine calls it at each sprint boundary (e.g. "Sprint 3 started").
    /// Counts towards the bounded history (<c>HistoryKeep</c>) like the automatic snapshots.
    /// </summary>
    [Alias("SaveHistorySnapshot")]
    Task<History.BoardHistoryEntry> SaveHistorySnapshotAsync(string label);

    /// <summary>The board's history snapshots, newest first; members and above (P-HIST-2).</summary>
    [Alias("ListHistory")]
    Task<History.ListBoardHistoryResult> ListHistoryAsync(History.BoardHistoryQuery query);

    /// <summary>One history snapshot with its elements; members and above (P-HIST-3).</summary>
    [Alias("PreviewHistory")]
    Task<History.BoardHistorySnapshot> PreviewHistoryAsync(History.BoardHistoryQuery query);

    /// <summary>
    /// Erases the board: its op log, snapshots and history in the board store, and its memory, then deactivates; part of deleting a room (P-LIFE-4). Idempotent: erasing
    /// what is already gone succeeds.
    /// </summary>
    [Alias("Erase")]
    Task EraseAsync();

    /// <summary>
    /// Anonymises a deleted user on the board (P-ACCT-4): elements, the op log, the compaction
    /// snapshot and the history keep what they drew, with the author replaced by
    /// <c>DeletedUsers.MarkerId</c>. Idempotent.
    /// </summary>
    [Alias("ForgetUser")]
    Task ForgetUserAsync(string userId);
}
