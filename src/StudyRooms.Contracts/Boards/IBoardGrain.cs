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

    [Alias("PushOps")]
    Task<PushOpsResult> PushOpsAsync(PushOpsCommand command);

    /// <summary>
    /// Who may edit, as the room grain decides it (P-MOD-6); null lifts every restriction (a board
    /// with no room). The room calls it whenever presence, roles or the read-only switch change.
    /// </summary>
    [Alias("SetAccess")]
    Task SetAccessAsync(Rooms.BoardAccess? access);
}
