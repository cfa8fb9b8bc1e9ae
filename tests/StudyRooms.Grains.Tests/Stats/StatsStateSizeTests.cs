using System.Diagnostics;
using System.Text.Json;
using StudyRooms.Contracts.Stats;
using StudyRooms.Grains.Stats;
using Xunit.Abstractions;
using static StudyRooms.Grains.Tests.Stats.Credits;

namespace StudyRooms.Grains.Tests.Stats;

// Proves the stats state is bounded: a user history at its caps and a busy room's leaderboard stay
// under a stated JSON size (what storage writes on every credit), and prints how long a read takes
// there (docs/stats.md, "Costs"; S-KEEP-2).
public sealed class StatsStateSizeTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset Now = Utc("2026-11-29T21:00:00Z");

    [Fact]
    public void AFullUserHistoryStaysUnderItsSizeBound_S_KEEP_2()
    {
        var history = new UserHistory(new UserStatsState());
        // Twice the cap, 50-minute blocks every 114 minutes (12.6 a day, over the 400 days): the cap folds.
        for (var i = 0; i < 2 * UserHistory.MaxBlocks; i++)
        {
            history.AddCredit(Block("u_0123456789ab", "AAAAAAAAAAAAAAAAAAAAAA", $"sprint-{i / 4:D6}", i % 4, Now.AddDays(-399).AddMinutes(i * 57), TimeSpan.FromMinutes(50), completesSprint: i % 4 == 3), Now);
        }

        for (var i = 0; i < 2 * UserHistory.MaxRecaps; i++)
        {
            history.AddRecap(Recap("u_0123456789ab", $"sprint-{i:D6}", 0, GoalOutcome.Partly, Now, "AAAAAAAAAAAAAAAAAAAAAA", new string('g', 80)) with { Note = new string('n', 80) });
        }

        var bytes = JsonSerializer.SerializeToUtf8Bytes(history.State).Length;
        var zone = Zone("Europe/Berlin");
        var stats = UserStatsCalculator.Compute(history.State, "Europe/Berlin", zone, Now);
        var read = Stopwatch.StartNew();
        const int reads = 10;
        for (var i = 0; i < reads; i++)
        {
            UserStatsCalculator.Compute(history.State, "Europe/Berlin", zone, Now);
        }

        output.WriteLine($"user history at the caps: {bytes:N0} bytes of JSON, {history.State.Blocks.Count} blocks, {history.State.Recaps.Count} recaps; one stats read {read.Elapsed.TotalMilliseconds / reads:F1} ms");
        Assert.Equal(UserHistory.MaxBlocks, history.State.Blocks.Count);
        Assert.Equal(UserHistory.MaxRecaps, history.State.Recaps.Count);
        Assert.Equal(2 * UserHistory.MaxBlocks * 50, stats.TotalFocusMinutes);
        Assert.InRange(bytes, 1, 1_400_000);
    }

    [Fact]
    public void ABusyRoomsLeaderboardStaysSmall_S_KEEP_2()
    {
        // 1,000 users with 10 credits each in the last 8 days: every de-duplication key is still kept.
        var state = new RoomLeaderboardState();
        var book = new LeaderboardBook(state);
        for (var user = 0; user < 1_000; user++)
        {
            for (var block = 0; block < 10; block++)
            {
                book.AddCredit(Block($"u_{user:D12}", "room", $"sprint-{block}", 0, Now.AddDays(-7).AddMinutes(block * 60), TimeSpan.FromMinutes(25), displayName: $"Student {user}"), Now);
            }
        }

        var bytes = JsonSerializer.SerializeToUtf8Bytes(state).Length;
        var top = book.Read("room", LeaderboardPeriod.All, 10, Now);
        var read = Stopwatch.StartNew();
        book.Read("room", LeaderboardPeriod.All, 10, Now);

        output.WriteLine($"leaderboard of 1,000 users x 10 credits: {bytes:N0} bytes of JSON; one read {read.Elapsed.TotalMilliseconds:F2} ms");
        Assert.Equal(10, top.Entries.Length);
        Assert.All(top.Entries, e => Assert.Equal(250, e.FocusMinutes));
        Assert.InRange(bytes, 1, 450_000);
    }
}
