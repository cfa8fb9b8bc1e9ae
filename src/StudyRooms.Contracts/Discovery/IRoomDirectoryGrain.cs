using Orleans.Concurrency;

namespace StudyRooms.Contracts.Discovery;

/// <summary>
/// The list of public rooms with live occupancy (P-DIR-1). Key: 0 (one directory per cluster). The
/// rooms report to it; occupancy lives in memory and is re-reported by each room as people come and go.
/// </summary>
[Alias("StudyRooms.IRoomDirectoryGrain")]
public interface IRoomDirectoryGrain : IGrainWithIntegerKey
{
    /// <summary>Adds or updates a public room (occupancy and activity included).</summary>
    [Alias("Upsert"), OneWay]
    Task UpsertAsync(DirectoryEntry entry);

    [Alias("Remove"), OneWay]
    Task RemoveAsync(string roomId);

    /// <summary>Rooms whose name, topic or tags contain <paramref name="query"/> (case-insensitive), busiest first.</summary>
    [Alias("Search"), ReadOnly]
    Task<DirectoryEntry[]> SearchAsync(string? query, int limit);

    /// <summary>A page of rooms matching text and tag, busiest first, with the tags to filter by (P-DIR-2).</summary>
    [Alias("Query"), ReadOnly]
    Task<DirectoryPage> QueryAsync(DirectoryQuery query);

    /// <summary>Removes a room and answers once stored (unlike <see cref="RemoveAsync"/>): part of deleting a room (P-LIFE-4).</summary>
    [Alias("Forget")]
    Task ForgetAsync(string roomId);
}
