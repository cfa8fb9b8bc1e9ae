namespace StudyRooms.Contracts.Chat;

/// <summary>Hub request of MarkRead (wire): the caller has read up to <see cref="Seq"/> (P-CHAT-12).</summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.MarkReadRequest")]
public sealed record MarkReadRequest
{
    [Id(0)] public string? RoomId { get; init; }
    [Id(1)] public long Seq { get; init; }
}
