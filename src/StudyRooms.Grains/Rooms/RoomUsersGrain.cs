using StudyRooms.Contracts.Accounts;
using StudyRooms.Contracts.Lobby;
using StudyRooms.Contracts.Rooms;
using StudyRooms.Grains.Storage;

namespace StudyRooms.Grains.Rooms;

/// <summary>
/// The users whose data one room may hold, so that deleting the room reaches each user's footprint
/// and lobby list (P-LIFE-4), and each user's footprint knows the room before the room keeps
/// anything of theirs (P-ACCT-4). Separate from the room's own record: the room grain, the chat and
/// the board all note users here, and none of them waits on another to do it.
/// </summary>
public sealed class RoomUsersGrain(
    [PersistentState("roomUsers", StorageNames.Rooms)] IPersistentState<RoomUsersState> state) : Grain, IRoomUsersGrain
{
    private string RoomId => field ??= this.GetPrimaryKeyString(); // decoded from the grain id once, not on every use

    public async Task NoteAsync(string[] userIds)
    {
        var added = userIds.Where(id => id.Length > 0 && !state.State.UserIds.Contains(id)).Distinct(StringComparer.Ordinal).ToArray();
        if (added.Length == 0)
        {
            return;
        }

        // The footprint first: a user on it with nothing in the room costs a no-op at deletion,
        // while data of a user missing from it would outlive the user.
        await Task.WhenAll(added.Select(userId => GrainFactory.GetGrain<IUserFootprintGrain>(userId).RecordAsync(RoomId)));
        state.State.UserIds.UnionWith(added);
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State.UserIds.ExceptWith(added);
            throw;
        }
    }

    public Task<string[]> ListAsync() => Task.FromResult(state.State.UserIds.ToArray());

    public async Task ForgetUserAsync(string userId)
    {
        if (!state.State.UserIds.Remove(userId))
        {
            if (state.State.UserIds.Count == 0)
            {
                // Nobody noted (a deleted room's): no activation left behind for it.
                DeactivateOnIdle();
            }

            return;
        }

        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State.UserIds.Add(userId);
            throw;
        }
    }

    public async Task EraseAsync()
    {
        foreach (var userIds in state.State.UserIds.Chunk(32))
        {
            await Task.WhenAll(userIds.SelectMany(userId => new[]
            {
                GrainFactory.GetGrain<IUserFootprintGrain>(userId).ForgetAsync(RoomId),
                GrainFactory.GetGrain<IUserRoomsGrain>(userId).ForgetAsync([RoomId]),
            }));
        }

        await state.ClearStateAsync();
        state.State = new RoomUsersState();
        DeactivateOnIdle();
    }
}
