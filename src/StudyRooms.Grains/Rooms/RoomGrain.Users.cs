using StudyRooms.Contracts.Rooms;
using StudyRooms.Grains.Storage;

namespace StudyRooms.Grains.Rooms;

/// <summary>
/// Which users the room holds data of (<see cref="IRoomUsersGrain"/>, so deleting a user finds the
/// room, P-ACCT-4), and dropping a deleted user from the room's own record.
/// </summary>
public sealed partial class RoomGrain
{
    /// <summary>Users this activation already noted; <see cref="IRoomUsersGrain"/> keeps them for good.</summary>
    private readonly HashSet<string> _notedUsers = new(StringComparer.Ordinal);

    /// <summary>
    /// Notes the user before the room keeps anything of theirs (entering, a role, a ban, a mute). A
    /// failure refuses the call that needed it, so nothing of the user is kept unnoted.
    /// </summary>
    private async Task NoteUserAsync(string userId)
    {
        if (_notedUsers.Contains(userId))
        {
            return;
        }

        await GrainFactory.GetGrain<IRoomUsersGrain>(RoomId).NoteAsync([userId]);
        _notedUsers.Add(userId);
    }

    public async Task ForgetUserAsync(string userId)
    {
        _notedUsers.Remove(userId);
        if (state.State.Deleting)
        {
            // Being deleted already: finishing that erases the user's part too.
            await EraseAsync();
            return;
        }

        if (!state.State.Exists)
        {
            // Nothing here (a deleted room): no activation left behind for it.
            DeactivateOnIdle();
            return;
        }

        if (state.State.OwnerId == userId)
        {
            // Nobody can own the room after its owner is gone: it is deleted as the owner would (P-LIFE-4).
            state.State.Deleting = true;
            state.State.Exists = false;
            await state.WriteOrRevertAsync(() =>
            {
                state.State.Deleting = false;
                state.State.Exists = true;
            });
            RoomLog.Deleting(logger, RoomId, userId);
            await EvictEveryoneAsync();
            await EraseAsync();
            return;
        }

        var role = state.State.Roles.TryGetValue(userId, out var had) ? had : (RoomRole?)null;
        var banned = state.State.Banned.Remove(userId);
        var banRecord = state.State.BanRecords.Remove(userId, out var record) ? record : null;
        var muted = state.State.ChatMuted.Remove(userId);
        if (role is not null || banned || banRecord is not null || muted)
        {
            state.State.Roles.Remove(userId);
            await state.WriteOrRevertAsync(() =>
            {
                if (role is { } previous)
                {
                    state.State.Roles[userId] = previous;
                }

                if (banned)
                {
                    state.State.Banned.Add(userId);
                }

                if (banRecord is not null)
                {
                    // The ban list's record keeps the user's display name (P-MOD-9): it goes with the ban.
                    state.State.BanRecords[userId] = banRecord;
                }

                if (muted)
                {
                    state.State.ChatMuted.Add(userId);
                }
            });
        }

        // Their connections were closed before the erasure; a connection the room still counts
        // (another server's, not yet expired) goes now, with its raised hand and status.
        if (_present.TryGetValue(userId, out var user))
        {
            var connections = user.Connections.Keys.ToArray();
            await DropAsync(userId);
            await ForgetConnectionStatusAsync(userId, connections);
            await ForgetPresenceRecordsAsync(connections);
        }

        await DropHandAsync(userId);
        _evictedUsers.Remove(userId);
        await PublishBoardAccessAsync();
        SweepWhilePresent();
    }

    public async Task AnnounceUserErasedAsync(string userId)
    {
        if (!state.State.Exists)
        {
            DeactivateOnIdle();
            return;
        }

        await AnnounceAsync(() => broadcaster.UserErasedAsync(new UserErased { RoomId = RoomId, UserId = userId }));
    }
}
