namespace StudyRooms.Contracts.Rooms;

/// <summary>Archives or restores a room; only the owner (P-LIFE-1).</summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.SetArchivedCommand")]
public sealed record SetArchivedCommand
{
    [Id(0)] public required string ActorId { get; init; }
    [Id(1)] public bool Archived { get; init; }
}
