using StudyRooms.Contracts.Protocol;
using StudyRooms.Grains.Stats;
using static StudyRooms.Grains.Tests.Stats.Credits;

namespace StudyRooms.Grains.Tests.Stats;

// Proves local days in IANA zones: which day an instant is on, where days start on daylight-saving
// changes (23 and 25 hours), ISO weeks, the split of a block across local midnight, and the refusal
// of unknown zone ids (docs/stats.md S-DAY-1..3, S-TZ-1).
public sealed class StudyCalendarTests
{
    [Theory]
    [InlineData("UTC", "2026-03-10")]
    [InlineData("Europe/Berlin", "2026-03-11")]
    [InlineData("America/New_York", "2026-03-10")]
    [InlineData("Asia/Tokyo", "2026-03-11")]
    [InlineData("Pacific/Honolulu", "2026-03-10")]
    public void AnInstantFallsOnTheLocalDateOfTheZone(string zone, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected), StudyCalendar.LocalDate(Utc("2026-03-10T23:30:00Z"), Zone(zone)));
    }

    [Theory]
    [InlineData("Europe/Berlin", "2026-03-29", "2026-03-28T23:00:00Z", 23)]
    [InlineData("Europe/Berlin", "2026-10-25", "2026-10-24T22:00:00Z", 25)]
    [InlineData("Europe/Berlin", "2026-06-15", "2026-06-14T22:00:00Z", 24)]
    [InlineData("America/New_York", "2026-03-08", "2026-03-08T05:00:00Z", 23)]
    [InlineData("America/New_York", "2026-11-01", "2026-11-01T04:00:00Z", 25)]
    [InlineData("UTC", "2026-03-29", "2026-03-29T00:00:00Z", 24)]
    public void DaylightSavingDaysLast23Or25Hours_S_DAY_2(string zone, string date, string start, int hours)
    {
        var day = DateOnly.Parse(date);

        var begins = StudyCalendar.StartOfDay(day, Zone(zone));
        var ends = StudyCalendar.StartOfDay(day.AddDays(1), Zone(zone));

        Assert.Equal(Utc(start), begins);
        Assert.Equal(TimeSpan.FromHours(hours), ends - begins);
    }

    [Fact]
    public void ADayWhoseMidnightIsSkippedStartsAtTheFirstLocalTimeThatExists_S_DAY_2()
    {
        // Chile moves its clocks at local midnight: on that day 00:00 to 00:59 do not exist.
        var zone = Zone("America/Santiago");
        var skipped = Enumerable.Range(0, 366).Select(i => new DateOnly(2026, 1, 1).AddDays(i))
            .First(d => zone.IsInvalidTime(d.ToDateTime(TimeOnly.MinValue)));

        var begins = StudyCalendar.StartOfDay(skipped, zone);

        Assert.Equal(new TimeOnly(1, 0), TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(begins, zone).DateTime));
        Assert.Equal(skipped, StudyCalendar.LocalDate(begins, zone));
        Assert.Equal(skipped.AddDays(-1), StudyCalendar.LocalDate(begins.AddTicks(-1), zone));
        Assert.Equal(TimeSpan.FromHours(23), StudyCalendar.StartOfDay(skipped.AddDays(1), zone) - begins);
    }

    [Theory]
    [InlineData("2026-11-23", "2026-11-23")]
    [InlineData("2026-11-25", "2026-11-23")]
    [InlineData("2026-11-29", "2026-11-23")]
    [InlineData("2026-11-30", "2026-11-30")]
    [InlineData("2027-01-01", "2026-12-28")]
    public void AWeekStartsOnItsIsoMonday(string date, string monday)
    {
        Assert.Equal(DateOnly.Parse(monday), StudyCalendar.WeekStart(DateOnly.Parse(date)));
    }

    [Fact]
    public void ABlockAcrossLocalMidnightIsSplitByTheTimeItRanOnEachDay_S_DAY_1()
    {
        // 23:40 to 00:20 in Berlin (UTC+1 in March before the change): 40 minutes, half on each day.
        var block = new FocusSpan(Utc("2026-03-10T22:40:00Z"), Utc("2026-03-10T23:20:00Z"), TimeSpan.FromMinutes(40));

        var berlin = StudyCalendar.SecondsPerDay([block], Zone("Europe/Berlin"));
        var newYork = StudyCalendar.SecondsPerDay([block], Zone("America/New_York"));

        Assert.Equal(20 * 60, berlin[new DateOnly(2026, 3, 10)], 6);
        Assert.Equal(20 * 60, berlin[new DateOnly(2026, 3, 11)], 6);
        Assert.Equal(40 * 60, Assert.Single(newYork).Value, 6);
        Assert.Equal(new DateOnly(2026, 3, 10), newYork.Keys.Single());
    }

    [Fact]
    public void APartialCreditIsSplitInTheSameProportion_S_DAY_1()
    {
        // 30 of 40 minutes credited; the block ran 10 minutes before midnight and 30 after.
        var block = new FocusSpan(Utc("2026-07-01T21:50:00Z"), Utc("2026-07-01T22:30:00Z"), TimeSpan.FromMinutes(30));

        var days = StudyCalendar.SecondsPerDay([block], Zone("Europe/Berlin"));

        Assert.Equal(7.5 * 60, days[new DateOnly(2026, 7, 1)], 6);
        Assert.Equal(22.5 * 60, days[new DateOnly(2026, 7, 2)], 6);
    }

    [Fact]
    public void ABlockOverTheSpringForwardGapStaysOnItsDay_S_DAY_2()
    {
        // 01:30 to 03:30 Berlin local on 29 March 2026 is one real hour (02:00 to 03:00 does not exist).
        var block = new FocusSpan(Utc("2026-03-29T00:30:00Z"), Utc("2026-03-29T01:30:00Z"), TimeSpan.FromHours(1));

        var days = StudyCalendar.SecondsPerDay([block], Zone("Europe/Berlin"));

        Assert.Equal(3600, Assert.Single(days).Value, 6);
        Assert.Equal(new DateOnly(2026, 3, 29), days.Keys.Single());
    }

    [Fact]
    public void TheRepeatedHourOfFallBackBelongsToItsDay_S_DAY_2()
    {
        // New York, 1 Nov 2026: 01:00 to 02:00 happens twice; a block over both stays on 1 November,
        // and a block from 23:30 on 1 November (EST) is split at the 25-hour day's real end.
        var repeated = new FocusSpan(Utc("2026-11-01T05:00:00Z"), Utc("2026-11-01T07:00:00Z"), TimeSpan.FromHours(2));
        var lateNight = new FocusSpan(Utc("2026-11-02T04:30:00Z"), Utc("2026-11-02T05:30:00Z"), TimeSpan.FromHours(1));

        var days = StudyCalendar.SecondsPerDay([repeated, lateNight], Zone("America/New_York"));

        Assert.Equal(2 * 3600 + 1800, days[new DateOnly(2026, 11, 1)], 6);
        Assert.Equal(1800, days[new DateOnly(2026, 11, 2)], 6);
    }

    [Fact]
    public void AnInstantBlockCountsOnTheDayItEnded()
    {
        var at = Utc("2026-05-05T12:00:00Z");

        var days = StudyCalendar.SecondsPerDay([new FocusSpan(at, at, TimeSpan.FromMinutes(5))], TimeZoneInfo.Utc);

        Assert.Equal(300, days[new DateOnly(2026, 5, 5)], 6);
    }

    [Theory]
    [InlineData("Europe/Berlin")]
    [InlineData("America/New_York")]
    [InlineData("UTC")]
    [InlineData("Asia/Kolkata")]
    [InlineData("America/Argentina/Buenos_Aires")]
    [InlineData("Etc/GMT+5")]
    public void KnownIanaIdsResolve_S_TZ_1(string id)
    {
        Assert.True(StudyTimeZones.TryResolve(id, out var zone));
        Assert.True(zone.HasIanaId);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("Europe/Berlinn")]
    [InlineData("W. Europe Standard Time")]
    [InlineData("../../etc/passwd")]
    [InlineData("/Europe/Berlin")]
    [InlineData("Europe/Berlin\n")]
    [InlineData("Local")]
    [InlineData("localtime")]
    [InlineData("posixrules")]
    [InlineData("right/Europe/Berlin")]
    [InlineData("posix/Europe/Berlin")]
    [InlineData("Europe//Berlin")]
    [InlineData("zone.tab")]
    public void UnknownZoneIdsAreRefusedWithInvalidTimeZone_S_TZ_1(string? id)
    {
        Assert.False(StudyTimeZones.TryResolve(id, out _));
        var refusal = Assert.Throws<StudyRoomsException>(() => StudyTimeZones.Resolve(id));
        Assert.Equal(ErrorCodes.InvalidTimeZone, refusal.Code);
    }

    [Fact]
    public void AnOverlongZoneIdIsRefused_S_TZ_1()
    {
        Assert.False(StudyTimeZones.TryResolve(new string('a', StudyTimeZones.MaxIdLength + 1), out _));
    }
}
