namespace StudyRooms.Contracts.Chat;

/// <summary>Hub request of SearchMessages (wire): messages whose text contains <see cref="Query"/> (P-CHAT-13).</summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.SearchMessagesRequest")]
public sealed record SearchMessagesRequest
{
    [Id(0)] public string? RoomId { get; init; }
    [Id(1)] public string? Query { get; init; }
    [Id(2)] public long? BeforeSeq { get; init; }
    [Id(3)] public int? Limit { get; init; }
}
