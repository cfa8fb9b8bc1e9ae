using StudyRooms.Contracts.Stats;
using StudyRooms.Grains.Stats;
using static StudyRooms.Grains.Tests.Stats.Credits;

namespace StudyRooms.Grains.Tests.Stats;

// Proves a room's leaderboard rules: one credit per (user, sprint, block), UTC ISO weeks by block end,
// all-time totals, ranks on whole minutes with ties sharing a rank in user-id order, names from the
// latest credit, and the bounds (docs/stats.md S-BOARD-1..4).
public sealed class LeaderboardBookTests
{
    // Wednesday 25 November 2026; the week began on Monday 23 November 00:00 UTC.
    private static readonly DateTimeOffset Now = Utc("2026-11-25T12:00:00Z");

    [Fact]
    public void ARepeatedCreditCountsOnce_S_BOARD_1()
    {
        var book = new LeaderboardBook(new RoomLeaderboardState());
        var credit = Block("u_ada", "room", "s1", 0, Now.AddHours(-1), TimeSpan.FromMinutes(25));

        Assert.True(book.AddCredit(credit, Now));
        Assert.False(book.AddCredit(credit, Now));

        Assert.Equal(25, book.Read("room", LeaderboardPeriod.All, 10, Now).Entries.Single().FocusMinutes);
    }

    [Fact]
    public void TheWeekIsTheUtcIsoWeekOfEachBlocksEnd_S_BOARD_2()
    {
        var book = new LeaderboardBook(new RoomLeaderboardState());
        // Ends 00:10 Monday UTC: this week. Ends 23:55 Sunday UTC: last week.
        book.AddCredit(Block("u_ada", "room", "s1", 0, Utc("2026-11-22T23:45:00Z"), TimeSpan.FromMinutes(25)), Now);
        book.AddCredit(Block("u_bob", "room", "s1", 0, Utc("2026-11-22T23:30:00Z"), TimeSpan.FromMinutes(25)), Now);

        var week = book.Read("room", LeaderboardPeriod.Week, 10, Now);
        var all = book.Read("room", LeaderboardPeriod.All, 10, Now);

        Assert.Equal(Utc("2026-11-23T00:00:00Z"), week.From);
        Assert.Equal(["u_ada"], week.Entries.Select(e => e.UserId));
        Assert.Equal(["u_ada", "u_bob"], all.Entries.Select(e => e.UserId));
        Assert.Null(all.From);

        // Next Monday the week starts empty; all time keeps everything.
        var nextWeek = Utc("2026-11-30T08:00:00Z");
        Assert.Empty(book.Read("room", LeaderboardPeriod.Week, 10, nextWeek).Entries);
        Assert.Equal(2, book.Read("room", LeaderboardPeriod.All, 10, nextWeek).Entries.Length);
    }

    [Fact]
    public void TiesShareARankAndAreListedByUserId_S_BOARD_3()
    {
        var book = new LeaderboardBook(new RoomLeaderboardState());
        var start = Now.AddHours(-2);
        book.AddCredit(Block("u_carl", "room", "s1", 0, start, TimeSpan.FromMinutes(50)), Now);
        book.AddCredit(Block("u_bea", "room", "s1", 0, start, TimeSpan.FromMinutes(25), credited: TimeSpan.FromSeconds(25 * 60 + 30)), Now);
        book.AddCredit(Block("u_abe", "room", "s1", 0, start, TimeSpan.FromMinutes(26), credited: TimeSpan.FromSeconds(25 * 60 + 10)), Now);
        book.AddCredit(Block("u_dan", "room", "s1", 0, start, TimeSpan.FromMinutes(10)), Now);

        var entries = book.Read("room", LeaderboardPeriod.All, 10, Now).Entries;

        Assert.Equal(["u_carl", "u_abe", "u_bea", "u_dan"], entries.Select(e => e.UserId));
        Assert.Equal([1, 2, 2, 4], entries.Select(e => e.Rank));
        Assert.Equal([50, 25, 25, 10], entries.Select(e => e.FocusMinutes));
    }

    [Fact]
    public void TheNameComesFromTheLatestCreditWhateverTheArrivalOrder_S_BOARD_4()
    {
        var book = new LeaderboardBook(new RoomLeaderboardState());
        book.AddCredit(Block("u_ada", "room", "s1", 1, Now.AddHours(-1), TimeSpan.FromMinutes(25), displayName: "Ada L."), Now);
        book.AddCredit(Block("u_ada", "room", "s1", 0, Now.AddHours(-2), TimeSpan.FromMinutes(25), displayName: "ada"), Now);

        Assert.Equal("Ada L.", book.Read("room", LeaderboardPeriod.Week, 10, Now).Entries.Single().DisplayName);

        book.AddCredit(Block("u_ada", "room", "s2", 0, Now.AddMinutes(-30), TimeSpan.FromMinutes(25), displayName: "Ada Lovelace"), Now);
        Assert.Equal("Ada Lovelace", book.Read("room", LeaderboardPeriod.All, 10, Now).Entries.Single().DisplayName);
    }

    [Fact]
    public void TheLimitIsClampedToOneThroughFifty()
    {
        var book = new LeaderboardBook(new RoomLeaderboardState());
        for (var i = 0; i < 60; i++)
        {
            book.AddCredit(Block($"u_{i:D2}", "room", "s1", 0, Now.AddHours(-1), TimeSpan.FromMinutes(i + 1)), Now);
        }

        Assert.Single(book.Read("room", LeaderboardPeriod.All, 0, Now).Entries);
        Assert.Equal(3, book.Read("room", LeaderboardPeriod.All, 3, Now).Entries.Length);
        var top = book.Read("room", LeaderboardPeriod.All, 500, Now).Entries;
        Assert.Equal(LeaderboardBook.MaxLimit, top.Length);
        Assert.Equal("u_59", top[0].UserId);
    }

    [Fact]
    public void ZeroAndTooOldCreditsAreIgnoredAndOldKeysAreForgotten_S_BOARD_1()
    {
        var state = new RoomLeaderboardState();
        var book = new LeaderboardBook(state);

        Assert.False(book.AddCredit(Block("u_ada", "room", "s1", 0, Now.AddHours(-1), TimeSpan.FromMinutes(25), credited: TimeSpan.Zero), Now));
        Assert.False(book.AddCredit(Block("u_ada", "room", "s0", 0, Now.AddDays(-9), TimeSpan.FromMinutes(25)), Now));
        Assert.True(book.AddCredit(Block("u_ada", "room", "s1", 1, Now.AddHours(-1), TimeSpan.FromMinutes(25)), Now));

        var later = Now.AddDays(10);
        Assert.True(book.AddCredit(Block("u_ada", "room", "s2", 0, later.AddHours(-1), TimeSpan.FromMinutes(25)), later));
        Assert.Equal(["s2"], state.Recent.Keys);
        Assert.Equal(2, state.Weeks.Count);
        Assert.Equal(50, book.Read("room", LeaderboardPeriod.All, 10, later).Entries.Single().FocusMinutes);
    }

    [Fact]
    public void ABookReopenedFromItsStateStillRecognisesRepeats_S_BOARD_1()
    {
        var state = new RoomLeaderboardState();
        var credit = Block("u_ada", "room", "s1", 0, Now.AddHours(-1), TimeSpan.FromMinutes(25));
        new LeaderboardBook(state).AddCredit(credit, Now);

        Assert.False(new LeaderboardBook(state).AddCredit(credit, Now));
    }
}
