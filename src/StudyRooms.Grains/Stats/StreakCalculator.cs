namespace StudyRooms.Grains.Stats;

/// <summary>
/// Daily streaks over local days: a day counts when it holds at least the threshold of credited
/// time. The current streak ends today, or yesterday while today has not counted yet (today is not
/// over, so it cannot break a streak); a day without enough study before that breaks it.
/// </summary>
public static class StreakCalculator
{
    public static (int Current, int Best) Compute(IReadOnlyDictionary<DateOnly, double> secondsPerDay, DateOnly today, TimeSpan dayThreshold)
    {
        bool Counts(DateOnly day) => secondsPerDay.TryGetValue(day, out var seconds) && seconds >= dayThreshold.TotalSeconds;

        var current = 0;
        var day = Counts(today) ? today : today.AddDays(-1);
        while (Counts(day))
        {
            current++;
            day = day.AddDays(-1);
        }

        var best = current;
        var run = 0;
        var previous = DateOnly.MinValue;
        foreach (var counted in secondsPerDay.Keys.Where(Counts).Order())
        {
            run = run > 0 && counted == previous.AddDays(1) ? run + 1 : 1;
            best = Math.Max(best, run);
            previous = counted;
        }

        return (current, best);
    }
}
