namespace StudyRooms.Grains.Stats;

/// <summary>
/// Local calendar days in an IANA time zone: where a day starts (23 or 25 hours long on
/// daylight-saving days), which local day an instant falls on, ISO weeks, and how credited focus
/// time spreads over days. A block that straddles local midnight is split across the days in
/// proportion to the wall-clock time it ran on each (docs/stats.md).
/// </summary>
public static class StudyCalendar
{
    /// <summary>The local date of an instant.</summary>
    public static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    /// <summary>
    /// The instant a local day begins: local midnight, or when midnight is skipped by a clock change
    /// the first local time that exists; when midnight happens twice, the first of them.
    /// </summary>
    public static DateTimeOffset StartOfDay(DateOnly date, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        // Gaps are at most a few hours; walking by minutes finds their end without guessing the rule.
        for (var minutes = 0; zone.IsInvalidTime(local) && minutes < 24 * 60; minutes++)
        {
            local = local.AddMinutes(1);
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    /// <summary>The Monday that begins the ISO week holding the date.</summary>
    public static DateOnly WeekStart(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    /// <summary>Credited seconds per local day; a block crossing midnight is split by the time it ran on each day.</summary>
    public static Dictionary<DateOnly, double> SecondsPerDay(IEnumerable<FocusSpan> spans, TimeZoneInfo zone)
    {
        var days = new Dictionary<DateOnly, double>();
        // Zone rules are slow to consult (about 10 µs a block); blocks come in time order, many per
        // day, so the local day around the last instant is kept and reused while instants fall in it.
        var known = (Day: DateOnly.MinValue, Start: DateTimeOffset.MaxValue, End: DateTimeOffset.MinValue);
        (DateOnly Day, DateTimeOffset End) DayOf(DateTimeOffset instant)
        {
            if (instant < known.Start || instant >= known.End)
            {
                var day = LocalDate(instant, zone);
                known = (day, StartOfDay(day, zone), StartOfDay(day.AddDays(1), zone));
            }

            return (known.Day, known.End);
        }

        foreach (var span in spans)
        {
            var credited = Math.Max(0, span.Credited.TotalSeconds);
            if (credited == 0)
            {
                continue;
            }

            if (span.EndedAt <= span.StartedAt)
            {
                Add(days, DayOf(span.EndedAt).Day, credited);
                continue;
            }

            var length = (span.EndedAt - span.StartedAt).TotalSeconds;
            var cursor = span.StartedAt;
            while (cursor < span.EndedAt)
            {
                var (day, next) = DayOf(cursor);
                if (next <= cursor)
                {
                    // Cannot happen with sane zone data; never loop forever on insane data.
                    Add(days, day, credited * (span.EndedAt - cursor).TotalSeconds / length);
                    break;
                }

                var end = next < span.EndedAt ? next : span.EndedAt;
                Add(days, day, credited * (end - cursor).TotalSeconds / length);
                cursor = end;
            }
        }

        return days;
    }

    /// <summary>Seconds as whole minutes, halves rounded up.</summary>
    public static int ToMinutes(double seconds) => (int)Math.Round(seconds / 60, MidpointRounding.AwayFromZero);

    private static void Add(Dictionary<DateOnly, double> days, DateOnly day, double seconds) =>
        days[day] = days.GetValueOrDefault(day) + seconds;
}
