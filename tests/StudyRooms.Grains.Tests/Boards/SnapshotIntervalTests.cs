using StudyRooms.Grains.Boards;

namespace StudyRooms.Grains.Tests.Boards;

// Proves that boards snapshot at intervals of their own (docs/benchmarks.md, "Staggered snapshots"):
// between the configured interval and one and a half times it, the same for a board every time, spread
// over boards, and never beyond the retained op log.
public sealed class SnapshotIntervalTests
{
    private static readonly string[] Boards = Enumerable.Range(0, 200).Select(i => $"room{i:D3}xyzABC").ToArray();

    [Fact]
    public void EachBoardsIntervalLiesBetweenTheSettingAndOneAndAHalfTimesIt()
    {
        var settings = BoardSettings.Default;

        Assert.All(Boards, board => Assert.InRange(settings.SnapshotIntervalFor(board), 1_000, 1_500));
    }

    [Fact]
    public void ABoardKeepsItsInterval()
    {
        var settings = BoardSettings.Default;

        Assert.All(Boards, board => Assert.Equal(settings.SnapshotIntervalFor(board), settings.SnapshotIntervalFor(new string(board.ToCharArray()))));
        Assert.Equal(settings.SnapshotIntervalFor("room-a"), (settings with { MaxElements = 10 }).SnapshotIntervalFor("room-a"));
    }

    [Fact]
    public void BoardsCreatedTogetherComeDueAtDifferentClocks()
    {
        var intervals = Boards.Select(BoardSettings.Default.SnapshotIntervalFor).ToArray();

        // 200 boards over 501 possible intervals: far more than a handful of distinct ones, and
        // spread over both halves of the range.
        Assert.True(intervals.Distinct().Count() > 100, $"{intervals.Distinct().Count()} distinct intervals");
        Assert.Contains(intervals, i => i < 1_250);
        Assert.Contains(intervals, i => i >= 1_250);
    }

    [Fact]
    public void TheIntervalNeverPassesTheRetainedOpLog()
    {
        var tight = BoardSettings.Default with { SnapshotEveryOps = 1_000, OpLogRetention = 1_100 };
        var equal = BoardSettings.Default with { SnapshotEveryOps = 4, OpLogRetention = 4 };

        Assert.All(Boards, board => Assert.InRange(tight.SnapshotIntervalFor(board), 1_000, 1_100));
        Assert.All(Boards, board => Assert.Equal(4, equal.SnapshotIntervalFor(board)));
    }
}
