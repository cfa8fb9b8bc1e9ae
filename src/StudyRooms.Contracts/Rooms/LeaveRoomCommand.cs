namespace StudyRooms.Contracts.Rooms;

/// <summary>A connection leaves a room (explicitly or by closing).</summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.LeaveRoomCommand")]
public sealed record LeaveRoomCommand
{
    [Id(0)] public required string UserId { get; init; }
    [Id(1)] public required string ConnectionId { get; init; }
}
