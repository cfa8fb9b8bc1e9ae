using StudyRooms.Contracts.Rooms;

namespace StudyRooms.Contracts.Invites;

/// <summary>Answer of POST /api/invites/{code}/accept: the room to join now and the role held there (P-INV-2).</summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.AcceptInviteResult")]
public sealed record AcceptInviteResult
{
    [Id(0)] public required string RoomId { get; init; }
    [Id(1)] public required RoomRole Role { get; init; }
    /// <summary>Path of the room page (P-ROOM-2).</summary>
    [Id(2)] public required string Link { get; init; }
}
