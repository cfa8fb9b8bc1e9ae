namespace StudyRooms.Contracts.Rooms;

/// <summary>
/// Event: a moderator removed a user (P-MOD-1). Sent to the room, the removed user's own
/// connections included (they are taken out of the room's group right after).
/// </summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.ParticipantRemoved")]
public sealed record ParticipantRemoved
{
    [Id(0)] public required string RoomId { get; init; }
    [Id(1)] public required string UserId { get; init; }
    [Id(2)] public required string ByUserId { get; init; }
    /// <summary>True when the user was banned as well (P-MOD-2).</summary>
    [Id(3)] public bool Banned { get; init; }
}
