namespace StudyRooms.Grains.Storage;

/// <summary>What a board store returns on load: the last snapshot (if any) and the op log: the retained tail, which may start before the snapshots clock, and every op after it.</summary>
public sealed record StoredBoard(StoredBoardSnapshot? Snapshot, IReadOnlyList<StoredOp> Ops);
