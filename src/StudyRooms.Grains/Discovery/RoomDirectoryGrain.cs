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

    public Task<DirectoryEntry[]> SearchAsync(string? query, int limit)
    {
        var text = (query ?? "").Trim();
        return Task.FromResult(state.State.Rooms.Values
            .Where(room => text.Length == 0 || Matches(room, text))
            .OrderByDescending(room => room.Occupancy)
            .ThenByDescending(room => room.LastActiveAt)
            .Take(Math.Clamp(limit, 1, MaxResults))
            .ToArray());
    }

    private static bool Matches(DirectoryEntry room, string text) =>
        room.Name.Contains(text, StringComparison.OrdinalIgnoreCase)
        || room.Topic.Contains(text, StringComparison.OrdinalIgnoreCase)
        || room.Tags.Any(tag => tag.Contains(text, StringComparison.OrdinalIgnoreCase));
}
