namespace StudyRooms.Contracts.Rooms;

/// <summary>Event: a user's last connection left the room (P-PRES-1).</summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.ParticipantLeft")]
public sealed record ParticipantLeft
{
    [Id(0)] public required string RoomId { get; init; }
    [Id(1)] public required string UserId { get; init; }
}
