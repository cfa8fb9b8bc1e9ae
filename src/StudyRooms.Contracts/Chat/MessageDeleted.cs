namespace StudyRooms.Contracts.Chat;

/// <summary>Event: a message was deleted; it carries the tombstone (P-CHAT-7). Sent to the room's connections except the caller's, which has the answer.</summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.MessageDeleted")]
public sealed record MessageDeleted
{
    [Id(0)] public required string RoomId { get; init; }
    [Id(1)] public required ChatMessage Message { get; init; }
}
