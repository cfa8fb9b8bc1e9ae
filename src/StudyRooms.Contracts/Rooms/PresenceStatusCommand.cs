namespace StudyRooms.Contracts.Rooms;

/// <summary>One connection's presence status handed to the room grain (P-STATUS-1).</summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.PresenceStatusCommand")]
public sealed record PresenceStatusCommand
{
    [Id(0)] public required string UserId { get; init; }
    /// <summary>The connection (tab) reporting; it must be in the room.</summary>
    [Id(1)] public required string ConnectionId { get; init; }
    [Id(2)] public required PresenceStatus Status { get; init; }
}
