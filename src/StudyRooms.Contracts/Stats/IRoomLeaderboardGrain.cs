namespace StudyRooms.Contracts.Stats;

/// <summary>A room's focus leaderboards (this week and all time). Key: the room id.</summary>
[Alias("StudyRooms.IRoomLeaderboardGrain")]
public interface IRoomLeaderboardGrain : IGrainWithStringKey
{
    /// <summary>Adds a block's credit; a second credit with the same user, sprint and block is ignored.</summary>
    [Alias("RecordFocus")]
    Task RecordFocusAsync(FocusCredit credit);
}
