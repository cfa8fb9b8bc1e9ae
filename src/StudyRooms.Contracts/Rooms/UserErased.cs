namespace StudyRooms.Contracts.Rooms;

/// <summary>
/// Event: a user deleted their account and every part of this room has lost their name (P-ACCT-5).
/// Open pages show the deleted-user marker wherever they showed the user.
/// </summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.UserErased")]
public sealed record UserErased
{
    [Id(0)] public required string RoomId { get; init; }
    [Id(1)] public required string UserId { get; init; }
}
