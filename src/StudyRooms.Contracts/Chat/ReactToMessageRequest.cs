namespace StudyRooms.Contracts.Chat;

/// <summary>Hub request of ReactToMessage (wire): toggles the caller's emoji on a message (P-CHAT-8).</summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.ReactToMessageRequest")]
public sealed record ReactToMessageRequest
{
    [Id(0)] public string? RoomId { get; init; }
    [Id(1)] public long Seq { get; init; }
    [Id(2)] public string? Emoji { get; init; }
}
