namespace StudyRooms.Contracts.Resources;

/// <summary>Hub request of ListResources (wire) (P-RES-2).</summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.ListResourcesRequest")]
public sealed record ListResourcesRequest
{
    [Id(0)] public string? RoomId { get; init; }
}
