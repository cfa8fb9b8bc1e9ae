using StudyRooms.Contracts.Protocol;
using StudyRooms.Contracts.Sprints;
using StudyRooms.Grains.Sprints;

namespace StudyRooms.Grains.Tests.Sprints;

// Proves the sprint clock as pure functions of plan, anchor and now: phase sequences with short and
// long breaks, exact back-to-back phase starts however late one looks, pause/resume/extend/skip/stop,
// the check-in instant, and the presets and bounds of plans (P-SPR-2, P-SPR-3, P-SPR-5, P-SPR-9).
public sealed class SprintScheduleTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static SprintPlan Plan(string preset = "25/5", int? cycles = null) =>
        SprintPlans.Build(new StartSprintCommand { Preset = preset, Cycles = cycles }, TimeSpan.FromMinutes(1));

    [Fact]
    public void PomodoroPresetAlternatesFocusAndBreaksWithALongBreakAfterEveryFourthBlock_P_SPR_2()
    {
        var plan = Plan("25/5", cycles: 8);

        var kinds = Enumerable.Range(0, SprintSchedule.PhaseCount(plan)).Select(i => SprintSchedule.KindOf(plan, i)).ToArray();
        var minutes = Enumerable.Range(0, SprintSchedule.PhaseCount(plan)).Select(i => SprintSchedule.PlannedDurationMs(plan, i) / 60_000).ToArray();

        Assert.Equal(15, kinds.Length); // 8 focus blocks, 7 breaks, no trailing break
        Assert.Equal(SprintPhaseKind.LongBreak, kinds[7]); // after block 3 (the fourth)
        Assert.Equal(SprintPhaseKind.ShortBreak, kinds[9]);
        Assert.Equal(
            new long[] { 25, 5, 25, 5, 25, 5, 25, 15, 25, 5, 25, 5, 25, 5, 25 },
            minutes);
    }

    [Theory]
    [InlineData("25/5", 25, 5, 15, 4, 4)]
    [InlineData("50/10", 50, 10, 20, 3, 3)]
    [InlineData("90/20", 90, 20, 30, 2, 2)]
    public void PresetsFillEveryValue_P_SPR_2(string preset, int focus, int shortBreak, int longBreak, int every, int cycles)
    {
        var plan = Plan(preset);

        Assert.Equal(
            (preset, focus * 60_000L, shortBreak * 60_000L, longBreak * 60_000L, every, cycles),
            (plan.Preset, plan.FocusMs, plan.ShortBreakMs, plan.LongBreakMs, plan.LongBreakEvery, plan.Cycles));
    }

    [Fact]
    public void ChangingAPresetsFocusMakesItCustom_P_SPR_2()
    {
        var plan = SprintPlans.Build(new StartSprintCommand { Preset = "25/5", FocusMinutes = 30 }, TimeSpan.FromMinutes(1));

        Assert.Equal(("custom", 30 * 60_000L, 5 * 60_000L), (plan.Preset, plan.FocusMs, plan.ShortBreakMs));
    }

    [Theory]
    [InlineData("10/2", null, null, null, "preset must be one of 25/5, 50/10, 90/20 or custom")]
    [InlineData("custom", null, 5.0, 4, "focusMinutes is required for a custom plan")]
    [InlineData("custom", 0.5, 5.0, 4, "focusMinutes must be between 1 and 180 minutes")]
    [InlineData("custom", 181.0, 5.0, 4, "focusMinutes must be between 1 and 180 minutes")]
    [InlineData("custom", 30.0, 61.0, 4, "shortBreakMinutes must be between 1 and 60 minutes")]
    [InlineData("custom", 30.0, 5.0, 0, "cycles must be between 1 and 12")]
    [InlineData("custom", 30.0, 5.0, 13, "cycles must be between 1 and 12")]
    public void PlansOutOfBoundsAreRefusedNamingTheValue_P_SPR_2(string preset, double? focus, double? shortBreak, int? cycles, string reason)
    {
        var refusal = Assert.Throws<StudyRoomsException>(() => SprintPlans.Build(
            new StartSprintCommand { Preset = preset, FocusMinutes = focus, ShortBreakMinutes = shortBreak, Cycles = cycles },
            TimeSpan.FromMinutes(1)));

        Assert.Equal((ErrorCodes.InvalidRequest, reason), (refusal.Code, refusal.Reason));
    }

    [Fact]
    public void AdvanceStartsEachPhaseExactlyWhenThePreviousEndedHoweverLateItIsAsked_P_SPR_3()
    {
        var plan = Plan("25/5", cycles: 4);
        var anchor = SprintSchedule.Start(plan, T0);

        // Asked 58 minutes in: focus 0 (25) + break (5) + focus 1 (25) ended; break 1 started at 55.
        var (late, transitions) = SprintSchedule.Advance(plan, anchor, T0.AddMinutes(58));

        Assert.Equal([T0.AddMinutes(25), T0.AddMinutes(30), T0.AddMinutes(55)], transitions.Select(t => t.At));
        Assert.Equal((3, T0.AddMinutes(55)), (late.PhaseIndex, late.StartedAt));
        Assert.Equal(TimeSpan.FromMinutes(2), SprintSchedule.Remaining(late, T0.AddMinutes(58)));

        // Asked step by step, the same anchor results.
        var stepwise = anchor;
        for (var minute = 1; minute <= 58; minute++)
        {
            stepwise = SprintSchedule.Advance(plan, stepwise, T0.AddMinutes(minute)).Anchor;
        }

        Assert.Equal(late, stepwise);
    }

    [Fact]
    public void TheSprintEndsWithItsLastFocusBlock_P_SPR_3()
    {
        var plan = Plan("90/20"); // 90 + 20 + 90

        var (anchor, transitions) = SprintSchedule.Advance(plan, SprintSchedule.Start(plan, T0), T0.AddHours(10));

        Assert.True(anchor.Ended);
        Assert.Equal((2, T0.AddMinutes(200), (int?)null), (transitions[^1].EndedPhaseIndex, transitions[^1].At, transitions[^1].NextPhaseIndex));
        Assert.Null(SprintSchedule.EndOf(anchor));
        Assert.Equal(TimeSpan.Zero, SprintSchedule.Remaining(anchor, T0.AddHours(10)));
    }

    [Fact]
    public void PauseFreezesTheRemainingTimeAndResumeContinuesFromIt_P_SPR_5()
    {
        var plan = Plan();
        var anchor = SprintSchedule.Start(plan, T0);

        var paused = SprintSchedule.Pause(anchor, T0.AddMinutes(10));
        Assert.Equal(TimeSpan.FromMinutes(15), SprintSchedule.Remaining(paused, T0.AddMinutes(40)));
        Assert.Empty(SprintSchedule.Advance(plan, paused, T0.AddMinutes(40)).Transitions);

        var resumed = SprintSchedule.Resume(paused, T0.AddMinutes(40));
        Assert.Equal(TimeSpan.FromMinutes(15), SprintSchedule.Remaining(resumed, T0.AddMinutes(40)));
        Assert.Equal(T0.AddMinutes(55), SprintSchedule.EndOf(resumed));
    }

    [Fact]
    public void ExtendLengthensOnlyTheCurrentPhase_P_SPR_5()
    {
        var plan = Plan();
        var extended = SprintSchedule.Extend(SprintSchedule.Start(plan, T0), TimeSpan.FromMinutes(10));

        var (anchor, transitions) = SprintSchedule.Advance(plan, extended, T0.AddMinutes(36));

        Assert.Equal(T0.AddMinutes(35), transitions.Single().At);
        Assert.Equal((1, 5 * 60_000L), (anchor.PhaseIndex, anchor.DurationMs));
    }

    [Fact]
    public void SkipEndsThePhaseNowAndStartsTheNextNow_P_SPR_5()
    {
        var plan = Plan();
        var paused = SprintSchedule.Pause(SprintSchedule.Start(plan, T0), T0.AddMinutes(3));

        var (anchor, transition) = SprintSchedule.Skip(plan, paused, T0.AddMinutes(7));

        Assert.Equal((0, T0.AddMinutes(7), (int?)1), (transition.EndedPhaseIndex, transition.At, transition.NextPhaseIndex));
        Assert.Equal((1, T0.AddMinutes(7), (DateTimeOffset?)null), (anchor.PhaseIndex, anchor.StartedAt, anchor.PausedAt));
    }

    [Fact]
    public void StopEndsTheSprintInItsCurrentPhase_P_SPR_5()
    {
        var (anchor, transition) = SprintSchedule.Stop(SprintSchedule.Start(Plan(), T0), T0.AddMinutes(4));

        Assert.True(anchor.Ended);
        Assert.Equal((0, (int?)null), (transition.EndedPhaseIndex, transition.NextPhaseIndex));
    }

    [Fact]
    public void ACheckInIsDueAtTheMiddleOfLongFocusBlocksOnly_P_SPR_9()
    {
        var long50 = Plan("50/10");
        var short25 = Plan("25/5");

        Assert.Equal(T0.AddMinutes(25), SprintSchedule.CheckInAt(long50, SprintSchedule.Start(long50, T0)));
        Assert.Null(SprintSchedule.CheckInAt(short25, SprintSchedule.Start(short25, T0)));
        var inBreak = SprintSchedule.Advance(long50, SprintSchedule.Start(long50, T0), T0.AddMinutes(51)).Anchor;
        Assert.Null(SprintSchedule.CheckInAt(long50, inBreak));

        // A pause moves the middle by its length: the check-in comes after 25 focused minutes.
        var resumed = SprintSchedule.Resume(SprintSchedule.Pause(SprintSchedule.Start(long50, T0), T0.AddMinutes(5)), T0.AddMinutes(15));
        Assert.Equal(T0.AddMinutes(35), SprintSchedule.CheckInAt(long50, resumed));
    }
}
