using StudyRooms.Contracts.Boards;
using StudyRooms.Grains.Boards;
using StudyRooms.Grains.Storage;

namespace StudyRooms.Grains.Tests.Boards;

// Proves the in-memory op log answers a resume with exactly the ops after a known clock while it
// holds them, keeps at least its retention, and refuses clocks it cannot answer (P-JOIN-4, P-JOIN-5).
public sealed class BoardOpLogTests
{
    [Fact]
    public void AnswersExactlyTheOpsAfterTheKnownClock_P_JOIN_4()
    {
        var log = new BoardOpLog(retention: 100);
        log.Append(OpsFrom(1, 10));

        Assert.Equal([6L, 7L, 8L, 9L, 10L], log.After(5)!.Select(o => o.Clock));
        Assert.Empty(log.After(10)!);
        Assert.Equal(10, log.After(0)!.Length);
    }

    [Fact]
    public void AClockAheadOfTheBoardCannotBeAnswered_P_JOIN_4()
    {
        var log = new BoardOpLog(retention: 100);
        log.Append(OpsFrom(1, 10));

        Assert.Null(log.After(11));
        Assert.Null(log.After(-1));
    }

    [Fact]
    public void KeepsAtLeastItsRetentionAndForgetsOlderOps_P_JOIN_5()
    {
        var log = new BoardOpLog(retention: 50);
        for (long clock = 1; clock <= 1_000; clock += 10)
        {
            log.Append(OpsFrom(clock, clock + 9));
            Assert.InRange(log.Count, Math.Min(clock + 9, 50), 55);
            Assert.Equal(clock + 9 - log.Count, log.ResumableFrom);
        }

        Assert.Null(log.After(log.ResumableFrom - 1));
        Assert.Equal(1_000 - log.ResumableFrom, log.After(log.ResumableFrom)!.Length);
    }

    [Fact]
    public void LoadKeepsTheContiguousTailEndingAtTheBoardClock_P_JOIN_5()
    {
        // Ops 1–5 were compacted into a snapshot at 5 but retained, then 6–8 came; 3 is missing
        // from the stored tail, so a resume may start at 3 at the earliest.
        var stored = OpsFrom(1, 8).Where(o => o.Clock != 3);

        var log = BoardOpLog.Load(retention: 100, boardClock: 8, stored);

        Assert.Equal(3, log.ResumableFrom);
        Assert.Null(log.After(2));
        Assert.Equal([4L, 5L, 6L, 7L, 8L], log.After(3)!.Select(o => o.Clock));
    }

    [Fact]
    public void AnEmptyLogAnswersOnlyTheBoardClock_P_JOIN_4()
    {
        var log = BoardOpLog.Load(retention: 100, boardClock: 40, []);

        Assert.Empty(log.After(40)!);
        Assert.Null(log.After(39));
    }

    [Fact]
    public void APrependedTailExtendsTheResumeWindowBackUpToTheRetention_P_JOIN_5()
    {
        // Loaded cold: only the ops after a snapshot at clock 30.
        var log = BoardOpLog.Load(retention: 10, boardClock: 35, OpsFrom(31, 35));
        Assert.Equal(30, log.ResumableFrom);
        Assert.Null(log.After(27));

        // The retained tail arrives from storage (with one op too many and an old, unconnected one).
        log.Prepend([.. OpsFrom(24, 30), .. OpsFrom(3, 3)]);

        Assert.Equal(10, log.Count);
        Assert.Equal(25, log.ResumableFrom);
        Assert.Equal(Enumerable.Range(26, 10).Select(c => (long)c), log.After(25)!.Select(o => o.Clock));
        Assert.Null(log.After(24));
        Assert.Equal(0, log.Room);
    }

    [Fact]
    public void APrependedTailWithAGapKeepsOnlyTheRunNextToTheHeldOps_P_JOIN_5()
    {
        var log = BoardOpLog.Load(retention: 100, boardClock: 35, OpsFrom(31, 35));

        log.Prepend([.. OpsFrom(20, 25), .. OpsFrom(28, 30)]);

        Assert.Equal(27, log.ResumableFrom);
        Assert.Equal(8, log.After(27)!.Length);
    }

    internal static IEnumerable<StoredOp> OpsFrom(long first, long last)
    {
        for (var clock = first; clock <= last; clock++)
        {
            yield return new StoredOp
            {
                Clock = clock,
                AuthorId = "u_ada",
                ClientId = "c_ada",
                ClientSeq = clock,
                Kind = ElementOpKind.Create,
                ElementId = $"e{clock}",
                Type = "rectangle",
                Props = new ElementProps { X = clock },
            };
        }
    }
}
