namespace StudyRooms.Contracts.Rooms;

/// <summary>
/// Event: a moderator banned a user who was not banned yet (P-MOD-11), present or not. Sent only to
/// the connections of the room's present mentors and owner, the ones who may read the ban list (P-MOD-9).
/// </summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.BanPlaced")]
public sealed record BanPlaced
{
    [Id(0)] public required string RoomId { get; init; }
    [Id(1)] public required string UserId { get; init; }
    [Id(2)] public required string ByUserId { get; init; }
}
