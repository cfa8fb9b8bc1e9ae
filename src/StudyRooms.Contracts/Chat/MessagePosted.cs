namespace StudyRooms.Contracts.Chat;

/// <summary>Event: a new message (P-CHAT-3). Sent to the room's connections except the caller's, which has the answer.</summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.MessagePosted")]
public sealed record MessagePosted
{
    [Id(0)] public required string RoomId { get; init; }
    [Id(1)] public required ChatMessage Message { get; init; }
}
