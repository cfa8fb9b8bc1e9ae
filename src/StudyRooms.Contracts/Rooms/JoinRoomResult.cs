using StudyRooms.Contracts.Boards;
using StudyRooms.Contracts.Help;

namespace StudyRooms.Contracts.Rooms;

/// <summary>Answer of JoinRoom: everything a client needs to show the room.</summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.JoinRoomResult")]
public sealed record JoinRoomResult
{
    [Id(0)] public required RoomSnapshot Room { get; init; }
    [Id(1)] public required Participant Self { get; init; }
    [Id(2)] public required Participant[] Participants { get; init; }
    /// <summary>The full board; null when <see cref="Resume"/> carries the missed ops instead (P-JOIN-4).</summary>
    [Id(3)] public BoardSnapshot? Board { get; init; }
    [Id(4)] public BoardResume? Resume { get; init; }
    /// <summary>The room's raised hands in order (P-HAND-3).</summary>
    [Id(5)] public HelpRequest[] HelpQueue { get; init; } = [];
}
