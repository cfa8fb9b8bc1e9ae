using StudyRooms.Contracts.Stats;

namespace StudyRooms.Grains.Sprints;

/// <summary>Sends a credit to the user's stats and to the room's leaderboard, and a recap to the user's history.</summary>
public sealed class GrainStudyStatsSink(IGrainFactory grains) : IStudyStatsSink
{
    public async Task RecordFocusAsync(FocusCredit credit)
    {
        // Both are idempotent per (user, room, sprint, block), so a retry after a partial failure is safe.
        await grains.GetGrain<IUserStatsGrain>(credit.UserId).RecordFocusAsync(credit);
        await grains.GetGrain<IRoomLeaderboardGrain>(credit.RoomId).RecordFocusAsync(credit);
    }

    public Task RecordRecapAsync(FocusRecap recap) =>
        grains.GetGrain<IUserStatsGrain>(recap.UserId).RecordRecapAsync(recap);
}
