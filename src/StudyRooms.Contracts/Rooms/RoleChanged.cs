namespace StudyRooms.Contracts.Rooms;

/// <summary>Event: a user's role changed (P-ROLE-2).</summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.RoleChanged")]
public sealed record RoleChanged
{
    [Id(0)] public required string RoomId { get; init; }
    [Id(1)] public required string UserId { get; init; }
    [Id(2)] public required RoomRole Role { get; init; }
}
