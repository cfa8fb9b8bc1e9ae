namespace StudyRooms.Contracts.Boards;

/// <summary>
/// Event: several <see cref="OpsApplied"/> of one room, in clock order, sent as one message when the
/// server batches a hot room's broadcasts per frame (P-OPS-8). A receiver handles each event in turn.
/// </summary>
public sealed record OpsAppliedBatch
{
    public required string RoomId { get; init; }
    public required OpsApplied[] Events { get; init; }
}
