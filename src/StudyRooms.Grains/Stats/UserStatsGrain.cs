using StudyRooms.Contracts.Stats;
using StudyRooms.Grains.Storage;

namespace StudyRooms.Grains.Stats;

/// <summary>
/// One user's study history (key: user id). Credits come only from sprint grains, which record
/// presence on the server; the history keeps raw block times so that days, weeks and streaks are
/// computed in whatever time zone the reader asks for (docs/stats.md).
/// </summary>
public sealed class UserStatsGrain(
    [PersistentState("stats", StorageNames.Rooms)] IPersistentState<UserStatsState> state,
    TimeProvider time) : Grain, IUserStatsGrain
{
    private UserHistory? _history;

    private UserHistory History => _history ??= new UserHistory(state.State);

    public async Task RecordFocusAsync(FocusCredit credit)
    {
        if (credit.UserId != this.GetPrimaryKeyString())
        {
            throw new ArgumentException($"a credit for {credit.UserId} sent to the stats of {this.GetPrimaryKeyString()}", nameof(credit));
        }

        if (History.AddCredit(credit, time.GetUtcNow()))
        {
            await state.WriteOrReloadAsync(() => _history = null);
        }
    }

    public async Task RecordRecapAsync(FocusRecap recap)
    {
        if (recap.UserId != this.GetPrimaryKeyString())
        {
            throw new ArgumentException($"a recap of {recap.UserId} sent to the stats of {this.GetPrimaryKeyString()}", nameof(recap));
        }

        if (History.AddRecap(recap))
        {
            await state.WriteOrReloadAsync(() => _history = null);
        }
    }

    public async Task ForgetRoomAsync(string roomId)
    {
        var changed = false;
        foreach (var block in state.State.Blocks.Where(b => b.RoomId == roomId))
        {
            block.RoomId = "";
            changed = true;
        }

        for (var i = 0; i < state.State.Recaps.Count; i++)
        {
            if (state.State.Recaps[i].RoomId == roomId)
            {
                state.State.Recaps[i] = state.State.Recaps[i] with { RoomId = "" };
                changed = true;
            }
        }

        if (changed)
        {
            _history = null; // its de-duplication keys held the room id
            await state.WriteOrReloadAsync(() => _history = null);
        }
    }

    public async Task EraseAsync()
    {
        await state.ClearStateAsync();
        state.State = new UserStatsState();
        _history = null;
        DeactivateOnIdle();
    }

    public Task<UserStats> GetStatsAsync(string timeZoneId)
    {
        var zone = StudyTimeZones.Resolve(timeZoneId);
        return Task.FromResult(UserStatsCalculator.Compute(state.State, timeZoneId, zone, time.GetUtcNow()));
    }
}
