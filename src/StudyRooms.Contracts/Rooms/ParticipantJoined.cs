namespace StudyRooms.Contracts.Rooms;

/// <summary>Event: a user's first connection joined the room (P-PRES-1).</summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.ParticipantJoined")]
public sealed record ParticipantJoined
{
    [Id(0)] public required string RoomId { get; init; }
    [Id(1)] public required Participant Participant { get; init; }
}
