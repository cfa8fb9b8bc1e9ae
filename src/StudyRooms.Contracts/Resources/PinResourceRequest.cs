namespace StudyRooms.Contracts.Resources;

/// <summary>Hub request of PinResource (wire): a link (<see cref="Url"/>, optional <see cref="Title"/>) or a note (<see cref="Text"/>) (P-RES-3).</summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.PinResourceRequest")]
public sealed record PinResourceRequest
{
    [Id(0)] public string? RoomId { get; init; }
    /// <summary>Link or note; files come through the upload endpoint (P-RES-6).</summary>
    [Id(1)] public ResourceKind? Kind { get; init; }
    [Id(2)] public string? Url { get; init; }
    [Id(3)] public string? Title { get; init; }
    [Id(4)] public string? Text { get; init; }
}
