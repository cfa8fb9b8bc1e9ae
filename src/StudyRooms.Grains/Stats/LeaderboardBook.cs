using StudyRooms.Contracts.Stats;

namespace StudyRooms.Grains.Stats;

/// <summary>
/// The rules of a room leaderboard, pure so they are tested without a silo. A credit counts once per
/// (user, sprint, block); weeks are UTC ISO weeks, a block counting in the week it ended; ranks
/// follow whole minutes, ties share a rank and are listed by user id (docs/stats.md).
/// </summary>
public sealed class LeaderboardBook(RoomLeaderboardState state)
{
    /// <summary>How long a credit's key is kept; an older credit is ignored, as it can no longer be de-duplicated.</summary>
    public static readonly TimeSpan DedupWindow = TimeSpan.FromDays(8);

    /// <summary>Most users with an all-time total; beyond it the smallest total is dropped.</summary>
    public const int MaxUsers = 10_000;

    public const int MaxLimit = 50;

    /// <summary>Adds a credit; false (nothing changed) for a repeat, a zero credit, or one older than the window.</summary>
    public bool AddCredit(FocusCredit credit, DateTimeOffset now)
    {
        var length = credit.BlockEndedAt - credit.BlockStartedAt;
        var credited = credit.Credited > length ? length : credit.Credited;
        var cutoff = now - DedupWindow;
        if (credited <= TimeSpan.Zero || credit.BlockEndedAt < cutoff)
        {
            return false;
        }

        if (!state.Recent.TryGetValue(credit.SprintId, out var sprint))
        {
            sprint = new RecentSprint { LastEndedAt = credit.BlockEndedAt };
            state.Recent[credit.SprintId] = sprint;
        }

        if (!sprint.Credited.Add($"{credit.BlockIndex}/{credit.UserId}"))
        {
            return false;
        }

        if (credit.BlockEndedAt > sprint.LastEndedAt)
        {
            sprint.LastEndedAt = credit.BlockEndedAt;
        }

        foreach (var old in state.Recent.Where(s => s.Value.LastEndedAt < cutoff).Select(s => s.Key).ToArray())
        {
            state.Recent.Remove(old);
        }

        if (!state.Users.TryGetValue(credit.UserId, out var user))
        {
            user = new LeaderboardUser { DisplayName = credit.DisplayName, NamedAt = credit.BlockEndedAt };
            state.Users[credit.UserId] = user;
        }
        else if (credit.BlockEndedAt >= user.NamedAt)
        {
            user.DisplayName = credit.DisplayName;
            user.NamedAt = credit.BlockEndedAt;
        }

        user.Credited += credited;
        AddToWeek(WeekOf(credit.BlockEndedAt), credit.UserId, credited);
        DropSmallestBeyondCap();
        return true;
    }

    public RoomLeaderboard Read(string roomId, LeaderboardPeriod period, int limit, DateTimeOffset now)
    {
        var take = Math.Clamp(limit, 1, MaxLimit);
        var week = WeekOf(now);
        var totals = period == LeaderboardPeriod.Week
            ? state.Weeks.FirstOrDefault(w => w.WeekStart == week)?.Users.Select(u => (u.Key, u.Value)) ?? []
            : state.Users.Select(u => (u.Key, u.Value.Credited));
        var ordered = totals
            .Select(t => (UserId: t.Key, Minutes: (int)t.Item2.TotalMinutes))
            .OrderByDescending(t => t.Minutes)
            .ThenBy(t => t.UserId, StringComparer.Ordinal)
            .Take(take)
            .ToArray();

        var entries = new LeaderboardEntry[ordered.Length];
        for (var i = 0; i < ordered.Length; i++)
        {
            entries[i] = new LeaderboardEntry
            {
                Rank = i > 0 && ordered[i].Minutes == ordered[i - 1].Minutes ? entries[i - 1].Rank : i + 1,
                UserId = ordered[i].UserId,
                DisplayName = state.Users.TryGetValue(ordered[i].UserId, out var user) ? user.DisplayName : ordered[i].UserId,
                FocusMinutes = ordered[i].Minutes,
            };
        }

        return new RoomLeaderboard
        {
            RoomId = roomId,
            Period = period,
            From = period == LeaderboardPeriod.Week ? new DateTimeOffset(week.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
            Entries = entries,
        };
    }

    /// <summary>Drops every entry of a deleted user: all-time total, weekly totals, credit keys (P-ACCT-4). False when there was none.</summary>
    public bool ForgetUser(string userId)
    {
        var suffix = "/" + userId;
        var changed = state.Users.Remove(userId);
        foreach (var week in state.Weeks)
        {
            changed |= week.Users.Remove(userId);
        }

        foreach (var sprint in state.Recent.Values)
        {
            changed |= sprint.Credited.RemoveWhere(key => key.EndsWith(suffix, StringComparison.Ordinal)) > 0;
        }

        return changed;
    }

    /// <summary>The Monday (UTC) of the ISO week holding the instant.</summary>
    public static DateOnly WeekOf(DateTimeOffset instant) => StudyCalendar.WeekStart(DateOnly.FromDateTime(instant.UtcDateTime));

    private void AddToWeek(DateOnly weekStart, string userId, TimeSpan credited)
    {
        var week = state.Weeks.FirstOrDefault(w => w.WeekStart == weekStart);
        if (week is null)
        {
            week = new WeekTotals { WeekStart = weekStart };
            state.Weeks.Add(week);
            state.Weeks.Sort((a, b) => a.WeekStart.CompareTo(b.WeekStart));
            while (state.Weeks.Count > 2)
            {
                state.Weeks.RemoveAt(0);
            }
        }

        week.Users[userId] = week.Users.GetValueOrDefault(userId) + credited;
    }

    private void DropSmallestBeyondCap()
    {
        while (state.Users.Count > MaxUsers)
        {
            var smallest = state.Users.OrderBy(u => u.Value.Credited).ThenByDescending(u => u.Key, StringComparer.Ordinal).First().Key;
            state.Users.Remove(smallest);
        }
    }
}
