namespace StudyRooms.Contracts.Resources;

/// <summary>Hub request of RemoveResource (wire) (P-RES-4).</summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.RemoveResourceRequest")]
public sealed record RemoveResourceRequest
{
    [Id(0)] public string? RoomId { get; init; }
    [Id(1)] public string? ResourceId { get; init; }
}
