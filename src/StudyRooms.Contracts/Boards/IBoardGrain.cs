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
}
