namespace StudyRooms.Contracts.Rooms;

/// <summary>Event: a participant's status, over all their tabs, changed (P-STATUS-3).</summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.PresenceStatusChanged")]
public sealed record PresenceStatusChanged
{
    [Id(0)] public required string RoomId { get; init; }
    [Id(1)] public required string UserId { get; init; }
    [Id(2)] public required PresenceStatus Status { get; init; }
}
