namespace StudyRooms.Contracts.Chat;

/// <summary>Event: a message's reactions changed (P-CHAT-8). Sent to the room's connections except the caller's, which has the answer.</summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.ReactionsChanged")]
public sealed record ReactionsChanged
{
    [Id(0)] public required string RoomId { get; init; }
    [Id(1)] public required ChatMessage Message { get; init; }
}
