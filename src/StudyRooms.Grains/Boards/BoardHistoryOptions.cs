namespace StudyRooms.Grains.Boards;

/// <summary>
/// How the board grain keeps time for automatic history snapshots (P-HIST-1). The interval itself is
/// a board setting (<see cref="BoardSettings.HistoryInterval"/>); this holds what tests replace.
/// </summary>
public sealed class BoardHistoryOptions
{
    /// <summary>
    /// The clock history timing reads. Its own setting, not the silo's TimeProvider, so a test can
    /// move history time without moving Orleans' timers.
    /// </summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>How often an active board checks whether an automatic snapshot is due without an edit.</summary>
    public TimeSpan CheckPeriod { get; set; } = TimeSpan.FromSeconds(30);
}
