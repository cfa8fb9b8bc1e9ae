namespace StudyRooms.Grains.Rooms;

/// <summary>
/// How long a connection stays present without being vouched for (P-PRES-2). Each server refreshes
/// its open connections every <see cref="RefreshPeriod"/>; a room drops connections not refreshed
/// for <see cref="Expiry"/>, checking every <see cref="SweepPeriod"/>, so a dead server's users are
/// gone within Expiry + SweepPeriod.
/// </summary>
public sealed class RoomPresenceOptions
{
    public TimeSpan RefreshPeriod { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan Expiry { get; set; } = TimeSpan.FromSeconds(6);

    public TimeSpan SweepPeriod { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The clock presence expiry and the raise-hand budget read. Its own setting, not the silo's TimeProvider, so a test can
    /// move presence time without moving Orleans' timers.
    /// </summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;
}
