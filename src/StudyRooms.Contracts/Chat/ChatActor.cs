namespace StudyRooms.Contracts.Chat;

/// <summary>Who calls the chat grain, as the hub knows it from the token and the connection.</summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.ChatActor")]
public sealed record ChatActor
{
    [Id(0)] public required string UserId { get; init; }
    [Id(1)] public required string DisplayName { get; init; }
    /// <summary>The calling connection: it must be in the room, and broadcasts skip it (P-CHAT-3).</summary>
    [Id(2)] public required string ConnectionId { get; init; }
}
