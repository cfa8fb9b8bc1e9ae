using StudyRooms.Contracts.Boards;
using StudyRooms.Contracts.Protocol;
using StudyRooms.Grains.Boards;
using StudyRooms.Grains.Storage;
using StudyRooms.Grains.Tests.Support;

namespace StudyRooms.Grains.Tests.Boards;

// Proves a board's total point budget (P-OPS-4) holds across creates, patches, deletes and restores,
// so no user can grow a board past what a joining client can load.
public sealed class BoardPointBudgetTests
{
    private const string Client = "c_budget";
    private static readonly int StrokesToFill = BoardLimits.MaxBoardPointNumbers / BoardLimits.MaxPointNumbers;

    [Fact]
    public void ABoardFilledToItsPointBudgetRefusesOneMorePointAndAcceptsItAfterAnErase()
    {
        var document = Filled(out var seq);
        Assert.Equal(BoardLimits.MaxBoardPointNumbers, document.PointNumbers);

        var refused = Assert.Throws<StudyRoomsException>(() => document.Push(Client, Ops.Create(++seq, "one-more", Props(2))));
        Assert.Equal(ErrorCodes.InvalidRequest, refused.Code);
        Assert.Contains("point numbers", refused.Reason);

        var plan = document.Push(Client, Ops.Delete(++seq, "s0"), Ops.Create(++seq, "one-more", Props(2)));
        Assert.Equal(2, plan.NewOps.Count);
        Assert.Equal(BoardLimits.MaxBoardPointNumbers - BoardLimits.MaxPointNumbers + 2, document.PointNumbers);
    }

    [Fact]
    public void APatchThatGrowsPointsPastTheBudgetIsRefusedAndOneThatShrinksThemIsCounted()
    {
        var document = Filled(out var seq);
        document.Push(Client, Ops.Patch(++seq, "s1", Props(10)));
        Assert.Equal(BoardLimits.MaxBoardPointNumbers - BoardLimits.MaxPointNumbers + 10, document.PointNumbers);

        Assert.Throws<StudyRoomsException>(() => document.Push(Client, Ops.Create(++seq, "big", Props(BoardLimits.MaxPointNumbers))));
        Assert.Equal(BoardLimits.MaxBoardPointNumbers - BoardLimits.MaxPointNumbers + 10, document.PointNumbers);
    }

    [Fact]
    public void RestoreRecountsThePointsOfLiveElementsOnly()
    {
        var document = new BoardDocument();
        document.Push(Client, Ops.Create(1, "a", Props(100)), Ops.Create(2, "b", Props(50)), Ops.Delete(3, "b"));

        var restored = BoardDocument.Restore(new StoredBoard(document.ToStoredSnapshot(), []));

        Assert.Equal(100, restored.PointNumbers);
        Assert.Equal(document.PointNumbers, restored.PointNumbers);
    }

    private static BoardDocument Filled(out long seq)
    {
        var document = new BoardDocument();
        seq = 0;
        for (var i = 0; i < StrokesToFill; i++)
        {
            document.Push(Client, Ops.Create(++seq, $"s{i}", Props(BoardLimits.MaxPointNumbers)));
        }

        return document;
    }

    private static ElementProps Props(int pointNumbers) => new() { X = 0, Y = 0, Points = new double[pointNumbers] };
}
