using StudyRooms.Grains.Stats;
using static StudyRooms.Grains.Tests.Stats.Credits;

namespace StudyRooms.Grains.Tests.Stats;

// Proves daily streaks: a day counts with at least the threshold; a day without study breaks the
// streak, today without study yet does not; streaks follow the user's local days through midnight
// in different zones and through daylight-saving changes (docs/stats.md S-STREAK-1..3).
public sealed class StreakCalculatorTests
{
    private static readonly TimeSpan Threshold = TimeSpan.FromMinutes(10);
    private static readonly DateOnly Today = new(2026, 11, 29);

    [Fact]
    public void ConsecutiveDaysUpToTodayMakeTheCurrentStreak_S_STREAK_1()
    {
        var days = Minutes((Today, 25), (Today.AddDays(-1), 25), (Today.AddDays(-2), 10));

        Assert.Equal((3, 3), StreakCalculator.Compute(days, Today, Threshold));
    }

    [Fact]
    public void TodayWithoutStudyYetDoesNotBreakTheStreak_S_STREAK_2()
    {
        var days = Minutes((Today.AddDays(-1), 25), (Today.AddDays(-2), 25));

        Assert.Equal((2, 2), StreakCalculator.Compute(days, Today, Threshold));
    }

    [Fact]
    public void ADayWithoutStudyBreaksTheStreakButTheBestIsKept_S_STREAK_2()
    {
        // Four days, a missed day, then yesterday and today.
        var days = Minutes(
            (Today, 30), (Today.AddDays(-1), 30),
            (Today.AddDays(-3), 30), (Today.AddDays(-4), 30), (Today.AddDays(-5), 30), (Today.AddDays(-6), 30));

        Assert.Equal((2, 4), StreakCalculator.Compute(days, Today, Threshold));
    }

    [Fact]
    public void MissingYesterdayEndsTheCurrentStreak_S_STREAK_2()
    {
        var days = Minutes((Today.AddDays(-2), 30), (Today.AddDays(-3), 30));

        Assert.Equal((0, 2), StreakCalculator.Compute(days, Today, Threshold));
    }

    [Fact]
    public void ADayBelowTheThresholdDoesNotCount_S_STREAK_1()
    {
        var days = Minutes((Today, 30), (Today.AddDays(-1), 9.9), (Today.AddDays(-2), 30));

        Assert.Equal((1, 1), StreakCalculator.Compute(days, Today, Threshold));
    }

    [Fact]
    public void NoStudyIsNoStreak()
    {
        Assert.Equal((0, 0), StreakCalculator.Compute(new Dictionary<DateOnly, double>(), Today, Threshold));
    }

    [Theory]
    [InlineData("UTC", 2, 2)]
    [InlineData("America/New_York", 2, 2)]
    [InlineData("Europe/Berlin", 1, 1)]
    public void MidnightFallsWhereTheUsersZoneSays_S_STREAK_3(string zoneId, int current, int best)
    {
        // 22:00 UTC on the 10th and 23:10 UTC on the 11th: consecutive days in UTC and New York,
        // but in Berlin the second block is already on the 12th, so the 11th is a day without study.
        var zone = Zone(zoneId);
        var blocks = new[]
        {
            new FocusSpan(Utc("2026-03-10T22:00:00Z"), Utc("2026-03-10T22:30:00Z"), TimeSpan.FromMinutes(30)),
            new FocusSpan(Utc("2026-03-11T23:10:00Z"), Utc("2026-03-11T23:40:00Z"), TimeSpan.FromMinutes(30)),
        };
        var now = Utc("2026-03-11T23:45:00Z");

        var days = StudyCalendar.SecondsPerDay(blocks, zone);

        Assert.Equal((current, best), StreakCalculator.Compute(days, StudyCalendar.LocalDate(now, zone), Threshold));
    }

    [Theory]
    [InlineData("Europe/Berlin", "2026-03-27")]
    [InlineData("Europe/Berlin", "2026-10-23")]
    [InlineData("America/New_York", "2026-03-06")]
    [InlineData("America/New_York", "2026-10-30")]
    public void AStreakRunsThroughADaylightSavingChange_S_STREAK_3(string zoneId, string firstDay)
    {
        // Five days of 20 minutes at 12:00 and at 00:05 local, spanning the spring-forward or fall-back
        // weekend: every local day counts once, the 23- or 25-hour day included.
        var zone = Zone(zoneId);
        var first = DateOnly.Parse(firstDay);
        var blocks = Enumerable.Range(0, 5).SelectMany(i =>
        {
            var day = first.AddDays(i);
            return new[] { At(day, 12, 0), At(day, 0, 5) }.Select(start => new FocusSpan(start, start.AddMinutes(20), TimeSpan.FromMinutes(20)));
        }).ToArray();

        var days = StudyCalendar.SecondsPerDay(blocks, zone);

        Assert.Equal(Enumerable.Range(0, 5).Select(first.AddDays), days.Keys.Order());
        Assert.All(days.Values, seconds => Assert.Equal(40 * 60, seconds, 6));
        Assert.Equal((5, 5), StreakCalculator.Compute(days, first.AddDays(4), Threshold));

        DateTimeOffset At(DateOnly day, int hour, int minute)
        {
            var local = day.ToDateTime(new TimeOnly(hour, minute));
            return new DateTimeOffset(local, zone.GetUtcOffset(local));
        }
    }

    private static Dictionary<DateOnly, double> Minutes(params (DateOnly Day, double Minutes)[] days) =>
        days.ToDictionary(d => d.Day, d => d.Minutes * 60);
}
