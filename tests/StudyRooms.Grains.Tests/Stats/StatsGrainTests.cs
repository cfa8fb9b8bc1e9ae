using StudyRooms.Contracts.Protocol;
using StudyRooms.Contracts.Stats;
using StudyRooms.Grains.Tests.Cluster;
using StudyRooms.Grains.Tests.Support;
using static StudyRooms.Grains.Tests.Stats.Credits;

namespace StudyRooms.Grains.Tests.Stats;

// Proves on a real silo with SQLite storage that the user stats and room leaderboard grains count a
// block once however often it is sent, keep their figures across deactivation, refuse an unknown time
// zone, and refuse credits addressed to another user or room (docs/stats.md S-KEEP-1, S-TZ-1).
[Collection(ClusterCollection.Name)]
public sealed class StatsGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task AUsersCreditsCountOnceAndSurviveDeactivation_S_KEEP_1()
    {
        var userId = TestIds.User();
        var stats = fixture.Grains.GetGrain<IUserStatsGrain>(userId);
        var now = DateTimeOffset.UtcNow;
        var first = Block(userId, "room", "s1", 0, now.AddMinutes(-60), TimeSpan.FromMinutes(25));
        var second = Block(userId, "room", "s1", 1, now.AddMinutes(-30), TimeSpan.FromMinutes(25), credited: TimeSpan.FromMinutes(15), completesSprint: true);

        await stats.RecordFocusAsync(first);
        await stats.RecordFocusAsync(first);
        await stats.RecordFocusAsync(second);
        await stats.RecordFocusAsync(second with { Credited = TimeSpan.FromMinutes(25) });
        await stats.RecordRecapAsync(Recap(userId, "s1", 1, GoalOutcome.Partly, now));
        var before = await stats.GetStatsAsync("Europe/Berlin");

        await fixture.DeactivateAsync(stats);
        await stats.RecordFocusAsync(first);
        var after = await stats.GetStatsAsync("Europe/Berlin");

        Assert.Equal(40, before.TotalFocusMinutes);
        Assert.Equal(2, before.FocusBlocks);
        Assert.Equal(1, before.SprintsCompleted);
        Assert.Equal(0.5, before.GoalCompletionRate);
        Assert.Equal("Chapter 3", before.RecentRecaps.Single().Goal);
        Assert.Equal(40, before.Heatmap.Sum(d => d.Minutes));
        Assert.Equal(before.TotalFocusMinutes, after.TotalFocusMinutes);
        Assert.Equal(before.FocusBlocks, after.FocusBlocks);
        Assert.Equal(before.Heatmap, after.Heatmap);
        Assert.Equal(before.RecentRecaps, after.RecentRecaps);
        Assert.Equal(before.GoalCompletionRate, after.GoalCompletionRate);
    }

    [Fact]
    public async Task AnUnknownTimeZoneIsRefusedWithItsCode_S_TZ_1()
    {
        var stats = fixture.Grains.GetGrain<IUserStatsGrain>(TestIds.User());

        var refusal = await Assert.ThrowsAsync<StudyRoomsException>(() => stats.GetStatsAsync("Mars/Olympus_Mons"));

        Assert.Equal(ErrorCodes.InvalidTimeZone, refusal.Code);
    }

    [Fact]
    public async Task ACreditForAnotherUserOrRoomIsRefused()
    {
        var userId = TestIds.User();
        var roomId = TestIds.Room();
        var credit = Block(userId, roomId, "s1", 0, DateTimeOffset.UtcNow.AddMinutes(-30), TimeSpan.FromMinutes(25));

        await Assert.ThrowsAsync<ArgumentException>(() => fixture.Grains.GetGrain<IUserStatsGrain>(TestIds.User()).RecordFocusAsync(credit));
        await Assert.ThrowsAsync<ArgumentException>(() => fixture.Grains.GetGrain<IUserStatsGrain>(TestIds.User()).RecordRecapAsync(Recap(userId, "s1", 0, GoalOutcome.Done, DateTimeOffset.UtcNow)));
        await Assert.ThrowsAsync<ArgumentException>(() => fixture.Grains.GetGrain<IRoomLeaderboardGrain>(TestIds.Room()).RecordFocusAsync(credit));
    }

    [Fact]
    public async Task ARoomLeaderboardCountsOnceAndSurvivesDeactivation_S_BOARD_1()
    {
        var roomId = TestIds.Room();
        var board = fixture.Grains.GetGrain<IRoomLeaderboardGrain>(roomId);
        var start = DateTimeOffset.UtcNow.AddMinutes(-30);
        var ada = Block("u_ada", roomId, "s1", 0, start, TimeSpan.FromMinutes(25), displayName: "Ada");
        var bob = Block("u_bob", roomId, "s1", 0, start, TimeSpan.FromMinutes(25), credited: TimeSpan.FromMinutes(12), displayName: "Bob");

        await board.RecordFocusAsync(ada);
        await board.RecordFocusAsync(bob);
        await board.RecordFocusAsync(ada);
        var before = await board.GetLeaderboardAsync(LeaderboardPeriod.All, 10);

        await fixture.DeactivateAsync(board);
        await board.RecordFocusAsync(bob);
        var after = await board.GetLeaderboardAsync(LeaderboardPeriod.All, 10);
        var week = await board.GetLeaderboardAsync(LeaderboardPeriod.Week, 10);

        Assert.Equal([("Ada", 25, 1), ("Bob", 12, 2)], before.Entries.Select(e => (e.DisplayName, e.FocusMinutes, e.Rank)));
        Assert.Equal(before.Entries, after.Entries);
        Assert.Equal(roomId, after.RoomId);
        Assert.Equal(LeaderboardPeriod.Week, week.Period);
        Assert.Equal(DayOfWeek.Monday, week.From!.Value.DayOfWeek);
        Assert.Equal(TimeSpan.Zero, week.From.Value.Offset);
    }
}
