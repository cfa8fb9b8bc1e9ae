using StudyRooms.Contracts.Boards;

namespace StudyRooms.Contracts.Rooms;

/// <summary>Answer of JoinRoom: everything a client needs to show the room.</summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.JoinRoomResult")]
public sealed record JoinRoomResult
{
    [Id(0)] public required RoomSnapshot Room { get; init; }
    [Id(1)] public required Participant Self { get; init; }
    [Id(2)] public required Participant[] Participants { get; init; }
    [Id(3)] public required BoardSnapshot Board { get; init; }
}
