namespace StudyRooms.Grains.Storage;

/// <summary>A compacted board: every element and the highest client sequence per "userId/clientId" at Clock.</summary>
public sealed record StoredBoardSnapshot
{
    public long Clock { get; init; }
    public required StoredElement[] Elements { get; init; }
    public required Dictionary<string, long> ClientSeqs { get; init; }
}
