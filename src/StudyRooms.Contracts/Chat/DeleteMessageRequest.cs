namespace StudyRooms.Contracts.Chat;

/// <summary>Hub request of DeleteMessage (wire) (P-CHAT-7).</summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.DeleteMessageRequest")]
public sealed record DeleteMessageRequest
{
    [Id(0)] public string? RoomId { get; init; }
    [Id(1)] public long Seq { get; init; }
}
