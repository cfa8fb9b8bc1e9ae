namespace StudyRooms.Contracts.Chat;

/// <summary>
/// Hub request of LoadMessages (wire): a page of messages older than <see cref="BeforeSeq"/> (the
/// newest when absent), from the room's timeline or from one thread (P-CHAT-11).
/// </summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.LoadMessagesRequest")]
public sealed record LoadMessagesRequest
{
    [Id(0)] public string? RoomId { get; init; }
    [Id(1)] public long? BeforeSeq { get; init; }
    [Id(2)] public long? ThreadRootSeq { get; init; }
    [Id(3)] public int? Limit { get; init; }
}
