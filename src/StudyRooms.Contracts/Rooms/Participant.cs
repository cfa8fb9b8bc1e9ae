namespace StudyRooms.Contracts.Rooms;

/// <summary>A user present in a room, once however many tabs they have open (P-JOIN-2).</summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.Participant")]
public sealed record Participant
{
    [Id(0)] public required string UserId { get; init; }
    [Id(1)] public required string DisplayName { get; init; }
    /// <summary>Colour of the user's cursor and name, "#rrggbb".</summary>
    [Id(2)] public required string Color { get; init; }
    /// <summary>The user's role in the room (P-ROLE-1).</summary>
    [Id(3)] public RoomRole Role { get; init; } = RoomRole.Member;
    /// <summary>The most present status of the user's tabs (P-STATUS-2).</summary>
    [Id(4)] public PresenceStatus Status { get; init; } = PresenceStatus.Active;
}
