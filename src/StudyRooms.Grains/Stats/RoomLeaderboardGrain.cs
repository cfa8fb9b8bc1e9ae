using StudyRooms.Contracts.Stats;
using StudyRooms.Grains.Storage;

namespace StudyRooms.Grains.Stats;

/// <summary>
/// A room's focus leaderboards (key: room id): this UTC week and all time, from server-recorded
/// credits sent by the room's sprint grain (docs/stats.md).
/// </summary>
public sealed class RoomLeaderboardGrain(
    [PersistentState("leaderboard", StorageNames.Rooms)] IPersistentState<RoomLeaderboardState> state,
    TimeProvider time) : Grain, IRoomLeaderboardGrain
{
    private LeaderboardBook? _book;

    private LeaderboardBook Book => _book ??= new LeaderboardBook(state.State);

    public async Task RecordFocusAsync(FocusCredit credit)
    {
        if (credit.RoomId != this.GetPrimaryKeyString())
        {
            throw new ArgumentException($"a credit for room {credit.RoomId} sent to the leaderboard of {this.GetPrimaryKeyString()}", nameof(credit));
        }

        if (!Book.AddCredit(credit, time.GetUtcNow()))
        {
            return;
        }

        await state.WriteOrReloadAsync(() => _book = null);
    }

    public async Task EraseAsync()
    {
        // The users credited here keep their minutes but no longer the room's id (P-LIFE-4); before
        // the clear, so a failure part way finds them again on the retry.
        var roomId = this.GetPrimaryKeyString();
        foreach (var userIds in state.State.Users.Keys.Chunk(32))
        {
            await Task.WhenAll(userIds.Select(userId => GrainFactory.GetGrain<IUserStatsGrain>(userId).ForgetRoomAsync(roomId)));
        }

        await state.ClearStateAsync();
        state.State = new RoomLeaderboardState();
        _book = null;
        DeactivateOnIdle();
    }

    public async Task ForgetUserAsync(string userId)
    {
        if (!Book.ForgetUser(userId))
        {
            if (state.State.Users.Count == 0)
            {
                // An empty leaderboard (a deleted room's): no activation left behind for it.
                DeactivateOnIdle();
            }

            return;
        }

        await state.WriteOrReloadAsync(() => _book = null);
    }

    public Task<RoomLeaderboard> GetLeaderboardAsync(LeaderboardPeriod period, int limit) =>
        Task.FromResult(Book.Read(this.GetPrimaryKeyString(), period, limit, time.GetUtcNow()));

}
