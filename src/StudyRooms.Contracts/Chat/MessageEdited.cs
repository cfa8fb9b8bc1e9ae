namespace StudyRooms.Contracts.Chat;

/// <summary>Event: a message's text was edited (P-CHAT-7). Sent to the room's connections except the caller's, which has the answer.</summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.MessageEdited")]
public sealed record MessageEdited
{
    [Id(0)] public required string RoomId { get; init; }
    [Id(1)] public required ChatMessage Message { get; init; }
}
