using StudyRooms.Contracts.Sprints;

namespace StudyRooms.Grains.Sprints;

/// <summary>
/// The sprint's clock as pure functions of plan, anchor and "now" (P-SPR-3). Phase i is a focus block
/// when i is even (block i/2), else the break after block (i-1)/2; the break after block b is long
/// when (b+1) is a multiple of LongBreakEvery. A phase ends exactly at StartedAt + DurationMs and the
/// next starts at that instant, not when someone noticed, so a grain reactivated late computes the
/// same phases a grain that never slept would have.
/// </summary>
public static class SprintSchedule
{
    /// <summary>A focus block at least this long gets a check-in prompt at its middle (P-SPR-9).</summary>
    public static readonly TimeSpan LongFocus = TimeSpan.FromMinutes(40);

    public static int PhaseCount(SprintPlan plan) => (2 * plan.Cycles) - 1;

    public static SprintPhaseKind KindOf(SprintPlan plan, int phaseIndex)
    {
        if (phaseIndex % 2 == 0)
        {
            return SprintPhaseKind.Focus;
        }

        var block = (phaseIndex - 1) / 2;
        return plan.LongBreakEvery > 0 && (block + 1) % plan.LongBreakEvery == 0 ? SprintPhaseKind.LongBreak : SprintPhaseKind.ShortBreak;
    }

    public static int BlockOf(int phaseIndex) => phaseIndex / 2;

    public static long PlannedDurationMs(SprintPlan plan, int phaseIndex) => KindOf(plan, phaseIndex) switch
    {
        SprintPhaseKind.Focus => plan.FocusMs,
        SprintPhaseKind.ShortBreak => plan.ShortBreakMs,
        _ => plan.LongBreakMs,
    };

    public static PhaseAnchor Start(SprintPlan plan, DateTimeOffset now) =>
        new() { PhaseIndex = 0, StartedAt = now, DurationMs = PlannedDurationMs(plan, 0) };

    /// <summary>When the current phase ends; null while paused or after the sprint ended.</summary>
    public static DateTimeOffset? EndOf(PhaseAnchor anchor) =>
        anchor.Ended || anchor.PausedAt is not null ? null : anchor.StartedAt.AddMilliseconds(anchor.DurationMs);

    /// <summary>Time left in the current phase at <paramref name="now"/>; never negative.</summary>
    public static TimeSpan Remaining(PhaseAnchor anchor, DateTimeOffset now)
    {
        var at = anchor.PausedAt ?? now;
        var left = anchor.StartedAt.AddMilliseconds(anchor.DurationMs) - at;
        return left < TimeSpan.Zero || anchor.Ended ? TimeSpan.Zero : left;
    }

    /// <summary>
    /// Moves the anchor over every phase that ended by <paramref name="now"/>, each next phase
    /// starting when the previous one ended, and lists those transitions in order.
    /// </summary>
    public static (PhaseAnchor Anchor, IReadOnlyList<PhaseTransition> Transitions) Advance(SprintPlan plan, PhaseAnchor anchor, DateTimeOffset now)
    {
        var transitions = new List<PhaseTransition>();
        while (EndOf(anchor) is { } end && end <= now)
        {
            (anchor, var transition) = EndPhase(plan, anchor, end);
            transitions.Add(transition);
        }

        return (anchor, transitions);
    }

    /// <summary>Ends the current phase at <paramref name="now"/> and starts the next one then (P-SPR-5).</summary>
    public static (PhaseAnchor Anchor, PhaseTransition Transition) Skip(SprintPlan plan, PhaseAnchor anchor, DateTimeOffset now)
    {
        // A paused phase that is skipped: the next one starts running at once.
        return EndPhase(plan, anchor with { PausedAt = null }, now);
    }

    /// <summary>Ends the sprint at <paramref name="now"/> in its current phase (P-SPR-5).</summary>
    public static (PhaseAnchor Anchor, PhaseTransition Transition) Stop(PhaseAnchor anchor, DateTimeOffset now) =>
        (anchor with { Ended = true, PausedAt = null }, new PhaseTransition(anchor.PhaseIndex, now, null));

    public static PhaseAnchor Pause(PhaseAnchor anchor, DateTimeOffset now) =>
        anchor.PausedAt is null && !anchor.Ended ? anchor with { PausedAt = now } : anchor;

    /// <summary>Resumes with the remaining time the phase had when paused: the start moves by the pause's length.</summary>
    public static PhaseAnchor Resume(PhaseAnchor anchor, DateTimeOffset now) =>
        anchor.PausedAt is { } pausedAt ? anchor with { StartedAt = anchor.StartedAt + (now - pausedAt), PausedAt = null } : anchor;

    public static PhaseAnchor Extend(PhaseAnchor anchor, TimeSpan by) =>
        anchor with { DurationMs = anchor.DurationMs + (long)by.TotalMilliseconds };

    /// <summary>
    /// When the check-in of the current focus block is due: its middle, for blocks planned at least
    /// <see cref="LongFocus"/> long; null for breaks, short blocks, or while paused (P-SPR-9).
    /// </summary>
    public static DateTimeOffset? CheckInAt(SprintPlan plan, PhaseAnchor anchor)
    {
        if (anchor.Ended || anchor.PausedAt is not null || KindOf(plan, anchor.PhaseIndex) != SprintPhaseKind.Focus
            || TimeSpan.FromMilliseconds(plan.FocusMs) < LongFocus)
        {
            return null;
        }

        return anchor.StartedAt.AddMilliseconds(plan.FocusMs / 2.0);
    }

    private static (PhaseAnchor, PhaseTransition) EndPhase(SprintPlan plan, PhaseAnchor anchor, DateTimeOffset end)
    {
        var next = anchor.PhaseIndex + 1;
        if (next >= PhaseCount(plan))
        {
            return (anchor with { Ended = true }, new PhaseTransition(anchor.PhaseIndex, end, null));
        }

        var nextAnchor = new PhaseAnchor { PhaseIndex = next, StartedAt = end, DurationMs = PlannedDurationMs(plan, next) };
        return (nextAnchor, new PhaseTransition(anchor.PhaseIndex, end, next));
    }
}
