using StudyRooms.Contracts.Boards;

namespace StudyRooms.Grains.Storage;

/// <summary>An element in a stored board snapshot, tombstones included (ids are never reused).</summary>
public sealed record StoredElement
{
    public required string Id { get; init; }
    public required string Type { get; init; }
    public required string CreatedBy { get; init; }
    public long Version { get; init; }
    public bool Deleted { get; init; }
    public required ElementProps Props { get; init; }
}
