namespace StudyRooms.Contracts.Rooms;

/// <summary>What the hub hands the room grain when a connection joins.</summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.JoinRoomCommand")]
public sealed record JoinRoomCommand
{
    [Id(0)] public required string UserId { get; init; }
    [Id(1)] public required string DisplayName { get; init; }
    [Id(2)] public required string ConnectionId { get; init; }
    /// <summary>Board clock the client already holds, if any (P-JOIN-4).</summary>
    [Id(3)] public long? KnownClock { get; init; }
    /// <summary>The server holding the connection, as the presence record shows it to operators (P-PRES-2).</summary>
    [Id(4)] public string? Server { get; init; }
}
