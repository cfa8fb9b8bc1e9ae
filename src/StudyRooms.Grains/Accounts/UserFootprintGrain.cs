using StudyRooms.Contracts.Accounts;
using StudyRooms.Grains.Activation;
using StudyRooms.Grains.Storage;

namespace StudyRooms.Grains.Accounts;

/// <summary>
/// The rooms that may hold data of one user (P-ACCT-4). Written once per room (rooms note a user
/// once per activation, <c>RoomUsersGrain</c> once for good), read only when the user is deleted;
/// so it does not stay active between calls (<see cref="ShortLivedGrain"/>).
/// </summary>
public sealed class UserFootprintGrain(
    [PersistentState("footprint", StorageNames.Rooms)] IPersistentState<UserFootprintState> state) : ShortLivedGrain, IUserFootprintGrain
{
    public async Task RecordAsync(string roomId)
    {
        if (state.State.RoomIds.Add(roomId))
        {
            await state.WriteOrRevertAsync(() => state.State.RoomIds.Remove(roomId));
        }
    }

    public async Task ForgetAsync(string roomId)
    {
        var listed = state.State.RoomIds.Remove(roomId);
        var owned = state.State.OwnedRoomIds.Remove(roomId);
        if (listed || owned)
        {
            await state.WriteOrRevertAsync(() =>
            {
                if (listed)
                {
                    state.State.RoomIds.Add(roomId);
                }

                if (owned)
                {
                    state.State.OwnedRoomIds.Add(roomId);
                }
            });
        }
    }

    public async Task<bool> ReserveOwnedRoomAsync(string roomId, int maxOwnedRooms)
    {
        if (state.State.OwnedRoomIds.Contains(roomId))
        {
            return true;
        }

        if (state.State.OwnedRoomIds.Count >= maxOwnedRooms)
        {
            return false;
        }

        state.State.OwnedRoomIds.Add(roomId);
        await state.WriteOrRevertAsync(() => state.State.OwnedRoomIds.Remove(roomId));
        return true;
    }

    public async Task ReleaseOwnedRoomAsync(string roomId)
    {
        if (state.State.OwnedRoomIds.Remove(roomId))
        {
            await state.WriteOrRevertAsync(() => state.State.OwnedRoomIds.Add(roomId));
        }
    }

    public Task<int> CountOwnedRoomsAsync() => Task.FromResult(state.State.OwnedRoomIds.Count);

    public Task<string[]> ListAsync() => Task.FromResult(state.State.RoomIds.ToArray());

    public async Task RecordAccountAsync(string username)
    {
        if (state.State.Usernames.Add(username))
        {
            await state.WriteOrRevertAsync(() => state.State.Usernames.Remove(username));
        }
    }

    public Task<string[]> ListAccountsAsync() => Task.FromResult(state.State.Usernames.ToArray());

    public async Task EraseAsync()
    {
        await state.ClearStateAsync();
        state.State = new UserFootprintState();
    }
}
