namespace StudyRooms.Contracts.Stats;

/// <summary>
/// One user's study history: focus minutes, sprints, goals, streaks and heatmaps. Key: the user id.
/// Written only by sprint grains (server-recorded participation); read by the stats API.
/// </summary>
[Alias("StudyRooms.IUserStatsGrain")]
public interface IUserStatsGrain : IGrainWithStringKey
{
    /// <summary>Adds a block's credit; a second credit with the same room, sprint and block is ignored.</summary>
    [Alias("RecordFocus")]
    Task RecordFocusAsync(FocusCredit credit);

    /// <summary>Keeps a block's goal and recap; a later recap for the same block replaces the earlier one.</summary>
    [Alias("RecordRecap")]
    Task RecordRecapAsync(FocusRecap recap);

    /// <summary>
    /// The user's figures with days, weeks and streaks local to an IANA time zone id; an unknown id is
    /// refused with INVALID_TIME_ZONE. "Now" is the silo's clock.
    /// </summary>
    /// <summary>
    /// Forgets which room the user's blocks and recaps of <paramref name="roomId"/> came from (the
    /// room was deleted, P-LIFE-4); the minutes stay theirs. Idempotent.
    /// </summary>
    [Alias("ForgetRoom")]
    Task ForgetRoomAsync(string roomId);

    [Alias("GetStats")]
    Task<UserStats> GetStatsAsync(string timeZoneId);

    /// <summary>Erases the user's focus blocks, streaks, goals and recaps (the user deleted themselves, P-ACCT-4). Idempotent.</summary>
    [Alias("Erase")]
    Task EraseAsync();
}
