namespace StudyRooms.Contracts.Lobby;

/// <summary>A room on a user's list and when the user last entered (or created) it.</summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.UserRoom")]
public sealed record UserRoom
{
    [Id(0)] public required string RoomId { get; init; }
    [Id(1)] public DateTimeOffset VisitedAt { get; init; }
}
