namespace StudyRooms.Grains.Sprints;

/// <summary>Limits and clock of the sprint engine (docs/sprints.md, P-SPR-2).</summary>
public sealed class SprintOptions
{
    /// <summary>
    /// The clock the sprint schedule reads. Its own setting, not the silo's TimeProvider, so a test can
    /// move sprint time while Orleans' own timers keep the real clock (as with room presence).
    /// </summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>The shortest phase a plan may have. One minute; tests lower it to see timers fire.</summary>
    public TimeSpan MinimumPhase { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A heartbeat sooner than this after the connection's previous one is refused (P-SPR-11).</summary>
    public TimeSpan HeartbeatMinInterval { get; set; } = TimeSpan.FromSeconds(15);
}
