namespace StudyRooms.Contracts.Chat;

/// <summary>Hub request of EditMessage (wire): new text for one's own message (P-CHAT-7).</summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.EditMessageRequest")]
public sealed record EditMessageRequest
{
    [Id(0)] public string? RoomId { get; init; }
    [Id(1)] public long Seq { get; init; }
    [Id(2)] public string? Text { get; init; }
    [Id(3)] public string[]? Mentions { get; init; }
}
