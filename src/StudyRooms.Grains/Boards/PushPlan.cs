using StudyRooms.Contracts.Boards;
using StudyRooms.Grains.Storage;

namespace StudyRooms.Grains.Boards;

/// <summary>
/// The outcome of checking one push against a board: the ops to store and apply (new ones only)
/// and the ack for every op of the push, resends included.
/// </summary>
public sealed record PushPlan(IReadOnlyList<StoredOp> NewOps, OpAck[] Acks);
