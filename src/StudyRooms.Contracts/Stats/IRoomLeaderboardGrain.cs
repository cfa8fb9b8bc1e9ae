namespace StudyRooms.Contracts.Stats;

/// <summary>A room's focus leaderboards (this week and all time). Key: the room id.</summary>
[Alias("StudyRooms.IRoomLeaderboardGrain")]
public interface IRoomLeaderboardGrain : IGrainWithStringKey
{
    /// <summary>Adds a block's credit; a second credit with the same user, sprint and block is ignored.</summary>
    [Alias("RecordFocus")]
    Task RecordFocusAsync(FocusCredit credit);

    /// <summary>The top <paramref name="limit"/> users (clamped to 1–50) of a period, ties in a stable order.</summary>
    [Alias("GetLeaderboard")]
    Task<RoomLeaderboard> GetLeaderboardAsync(LeaderboardPeriod period, int limit);

    /// <summary>
    /// Erases the room's leaderboard state, then deactivates; part of deleting a room (P-LIFE-4). Idempotent: erasing
    /// what is already gone succeeds.
    /// </summary>
    [Alias("Erase")]
    Task EraseAsync();

    /// <summary>Drops a deleted user's entries: totals, weeks and credit keys (P-ACCT-4). Idempotent.</summary>
    [Alias("ForgetUser")]
    Task ForgetUserAsync(string userId);
}
