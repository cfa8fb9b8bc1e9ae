namespace StudyRooms.Grains.Storage;

/// <summary>What a board store returns on load: the last snapshot (if any) and the ops after it.</summary>
public sealed record StoredBoard(StoredBoardSnapshot? Snapshot, IReadOnlyList<StoredOp> Ops);
