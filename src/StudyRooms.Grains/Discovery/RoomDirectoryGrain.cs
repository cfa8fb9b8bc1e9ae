using StudyRooms.Contracts.Discovery;
using StudyRooms.Grains.Storage;

namespace StudyRooms.Grains.Discovery;

/// <summary>
/// Public rooms for the directory (P-DIR-1). Entries are stored when a room is listed or unlisted;
/// occupancy changes are kept in memory only (they are re-reported on every join and leave, and a
/// directory restarted between reports shows the last stored count until the next one).
/// </summary>
public sealed class RoomDirectoryGrain(
    [PersistentState("directory", StorageNames.Rooms)] IPersistentState<RoomDirectoryState> state) : Grain, IRoomDirectoryGrain
{
    public const int MaxResults = 100;

    public async Task UpsertAsync(DirectoryEntry entry)
    {
        var known = state.State.Rooms.TryGetValue(entry.RoomId, out var previous);
        state.State.Rooms[entry.RoomId] = entry;
        if (!known || previous!.Name != entry.Name || previous.Topic != entry.Topic || !previous.Tags.SequenceEqual(entry.Tags))
        {
            await state.WriteStateAsync();
        }
    }

    public async Task RemoveAsync(string roomId)
    {
        if (state.State.Rooms.Remove(roomId))
        {
            await state.WriteStateAsync();
        }
    }

    public Task ForgetAsync(string roomId) => RemoveAsync(roomId);

    public const int MaxTags = 20;

    public Task<DirectoryEntry[]> SearchAsync(string? query, int limit) =>
        Task.FromResult(Matching((query ?? "").Trim()).Take(Math.Clamp(limit, 1, MaxResults)).ToArray());

    public Task<DirectoryPage> QueryAsync(DirectoryQuery query)
    {
        var text = (query.Text ?? "").Trim();
        var tag = (query.Tag ?? "").Trim().ToLowerInvariant();
        var byText = Matching(text).ToList();
        var matching = tag.Length == 0 ? byText : byText.Where(room => room.Tags.Contains(tag, StringComparer.Ordinal)).ToList();
        return Task.FromResult(new DirectoryPage
        {
            Rooms = matching.Skip(Math.Max(0, query.Offset)).Take(Math.Clamp(query.Limit, 1, MaxResults)).ToArray(),
            Total = matching.Count,
            // Chips come from the rooms the text finds, so picking one tag still shows the others.
            Tags = byText
                .SelectMany(room => room.Tags)
                .GroupBy(t => t, StringComparer.Ordinal)
                .Select(g => new TagCount { Tag = g.Key, Count = g.Count() })
                .OrderByDescending(t => t.Count)
                .ThenBy(t => t.Tag, StringComparer.Ordinal)
                .Take(MaxTags)
                .ToArray(),
        });
    }

    /// <summary>Rooms whose name, topic or a tag contains the text, busiest first, then most recently active.</summary>
    private IEnumerable<DirectoryEntry> Matching(string text) =>
        state.State.Rooms.Values
            .Where(room => text.Length == 0 || Matches(room, text))
            .OrderByDescending(room => room.Occupancy)
            .ThenByDescending(room => room.LastActiveAt)
            .ThenBy(room => room.RoomId, StringComparer.Ordinal);

    private static bool Matches(DirectoryEntry room, string text) =>
        room.Name.Contains(text, StringComparison.OrdinalIgnoreCase)
        || room.Topic.Contains(text, StringComparison.OrdinalIgnoreCase)
        || room.Tags.Any(tag => tag.Contains(text, StringComparison.OrdinalIgnoreCase));
}
