using StudyRooms.Contracts.Boards;
using StudyRooms.Contracts.Protocol;
using StudyRooms.Grains.Boards;
using StudyRooms.Grains.Storage;
using StudyRooms.Grains.Tests.Support;

namespace StudyRooms.Grains.Tests.Boards;

// Proves that the board document alone orders, deduplicates, validates, merges and restores edits as
// docs/protocol.md (P-OPS-1, P-OPS-3, P-OPS-4, P-OPS-5, P-ERR-3) says, without any cluster.
public sealed class BoardDocumentTests
{
    private const string ClientA = "c_a";
    private const string ClientB = "c_b";

    [Fact]
    public void AcceptedOpsGetTheClocksOneTwoThree_P_OPS_1()
    {
        var document = new BoardDocument();

        var plan = document.Push(ClientA, Ops.Create(1, "e1"), Ops.Create(2, "e2"), Ops.Patch(3, "e1", new() { X = 5 }));

        Assert.Equal([1L, 2L, 3L], plan.Acks.Select(a => a.Clock));
        Assert.Equal([1L, 2L, 3L], plan.Acks.Select(a => a.ClientSeq));
        Assert.Equal([1L, 2L, 3L], plan.NewOps.Select(o => o.Clock));
        Assert.Equal(3, document.Clock);
    }

    [Fact]
    public void ClocksContinueAcrossPushesAndClientsWithoutReuse_P_OPS_1()
    {
        var document = new BoardDocument();

        document.Push(ClientA, Ops.Create(1, "e1"));
        var fromB = document.Push(ClientB, Ops.Create(1, "e2"), Ops.Create(2, "e3"));
        var fromA = document.Push(ClientA, Ops.Delete(2, "e1"));

        Assert.Equal([2L, 3L], fromB.Acks.Select(a => a.Clock));
        Assert.Equal(4, Assert.Single(fromA.Acks).Clock);
        Assert.Equal(4, document.Clock);
    }

    [Fact]
    public void PlanAloneChangesNothing()
    {
        var document = new BoardDocument();
        document.Push(ClientA, Ops.Create(1, "e1"));
        var before = Canonical.Of(document);

        var plan = document.Plan("u_author", ClientA, [Ops.Create(2, "e2")]);

        Assert.Equal(2, Assert.Single(plan.NewOps).Clock);
        Assert.Equal(before, Canonical.Of(document));
    }

    [Fact]
    public void ResendIsNotAppliedAgainAndIsAckedWithClockZero_P_OPS_3()
    {
        var document = new BoardDocument();
        var op = Ops.Create(1, "e1");
        document.Push(ClientA, op);
        var before = Canonical.Of(document);

        // The answer to the first push was lost; the client sends the same op again.
        var resend = document.Push(ClientA, op);

        Assert.Empty(resend.NewOps);
        Assert.Equal(new OpAck { ClientSeq = 1, Clock = 0 }, Assert.Single(resend.Acks));
        Assert.Equal(before, Canonical.Of(document));
    }

    [Fact]
    public void MixedPushOfResendsAndNewOpsAppliesOnlyTheNewOnes_P_OPS_3()
    {
        var document = new BoardDocument();
        document.Push(ClientA, Ops.Create(1, "e1"), Ops.Create(2, "e2"));

        var plan = document.Push(ClientA, Ops.Create(1, "e1"), Ops.Create(2, "e2"), Ops.Create(3, "e3"), Ops.Patch(4, "e1", new() { X = 7 }));

        Assert.Equal([(1L, 0L), (2L, 0L), (3L, 3L), (4L, 4L)], plan.Acks.Select(a => (a.ClientSeq, a.Clock)));
        Assert.Equal(["e3", "e1"], plan.NewOps.Select(o => o.ElementId));
        Assert.Equal(4, document.Clock);
        Assert.Equal(4, document.LastClientSeq("u_author", ClientA));
        Assert.Equal(3, document.LiveCount);
    }

    [Fact]
    public void ResendsAreNotValidatedAgain_P_OPS_3()
    {
        var document = new BoardDocument();
        document.Push(ClientA, Ops.Create(1, "e1"));

        // Seq 1 was applied; whatever a resend of it carries now, it is acknowledged, not re-checked.
        var plan = document.Push(ClientA, Ops.Create(1, "e1", new() { X = double.NaN }));

        Assert.Equal(0, Assert.Single(plan.Acks).Clock);
        Assert.Empty(plan.NewOps);
    }

    [Fact]
    public void ClientSeqIsScopedPerClientId_P_OPS_3()
    {
        var document = new BoardDocument();
        document.Push(ClientA, Ops.Create(1, "e1"), Ops.Create(2, "e2"));

        var fromB = document.Push(ClientB, Ops.Create(1, "e3"));

        Assert.Equal(3, Assert.Single(fromB.Acks).Clock);
        Assert.Equal(2, document.LastClientSeq("u_author", ClientA));
        Assert.Equal(1, document.LastClientSeq("u_author", ClientB));
        Assert.Equal(0, document.LastClientSeq("u_author", "c_unknown"));
    }

    [Theory]
    [InlineData(2, 2)]
    [InlineData(3, 1)]
    public void ClientSeqMustIncreaseWithinAPush_P_OPS_3(long first, long second)
    {
        var document = new BoardDocument();

        var refusal = AssertRefused(document, ClientA, Ops.Create(first, "e1"), Ops.Create(second, "e2"));

        Assert.Contains("ops[1]", refusal.Reason, StringComparison.Ordinal);
        Assert.Contains("increase", refusal.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ClientSeqMustIncreaseEvenAmongResends_P_OPS_3()
    {
        var document = new BoardDocument();
        document.Push(ClientA, Ops.Create(1, "e1"), Ops.Create(2, "e2"));

        AssertRefused(document, ClientA, Ops.Create(2, "e2"), Ops.Create(1, "e1"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void ClientSeqMustBePositive(long clientSeq)
    {
        var refusal = AssertRefused(new BoardDocument(), ClientA, Ops.Create(clientSeq, "e1"));

        Assert.Contains("positive", refusal.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void PushWithOneInvalidOpIsRefusedWholeAndChangesNothing_P_ERR_3()
    {
        var document = new BoardDocument();
        document.Push(ClientA, Ops.Create(1, "e1"));
        var before = Canonical.Of(document);

        var refusal = AssertRefused(
            document,
            ClientA,
            Ops.Patch(2, "e1", new() { X = 50 }),
            Ops.Create(3, "e2"),
            Ops.Create(4, "e3", new() { StrokeColor = "blue" }));

        Assert.StartsWith("ops[2]: strokeColor", refusal.Reason, StringComparison.Ordinal);
        Assert.Equal(before, Canonical.Of(document));

        // Nothing of the refused push counted: its sequence numbers and ids are still free.
        var retry = document.Push(ClientA, Ops.Patch(2, "e1", new() { X = 50 }), Ops.Create(3, "e2"), Ops.Create(4, "e3"));
        Assert.Equal([2L, 3L, 4L], retry.Acks.Select(a => a.Clock));
    }

    [Fact]
    public void MissingOpIsRefused_P_ERR_3()
    {
        var refusal = AssertRefused(new BoardDocument(), ClientA, Ops.Create(1, "e1"), null);

        Assert.StartsWith("ops[1]: op is missing", refusal.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("e 1")]
    [InlineData("e/1")]
    [InlineData("é")]
    public void ElementIdMustBeUrlSafe_P_OPS_4(string? elementId)
    {
        AssertRefused(new BoardDocument(), ClientA, Ops.Create(1, elementId!));
    }

    [Fact]
    public void ElementIdMayHaveUpTo64Characters_P_OPS_4()
    {
        var document = new BoardDocument();

        document.Push(ClientA, Ops.Create(1, new string('a', 64)));
        AssertRefused(document, ClientA, Ops.Create(2, new string('b', 65)));
    }

    [Fact]
    public void CreateNeedsAnIdNeverUsedBefore_P_OPS_5()
    {
        var document = new BoardDocument();
        document.Push(ClientA, Ops.Create(1, "e1"));

        AssertRefused(document, ClientB, Ops.Create(1, "e1"));
        AssertRefused(document, ClientB, Ops.Create(1, "e2"), Ops.Create(2, "e2"));
    }

    [Fact]
    public void IdsAreNeverReusedEvenAfterDelete_P_OPS_5()
    {
        var document = new BoardDocument();
        document.Push(ClientA, Ops.Create(1, "e1"), Ops.Delete(2, "e1"));

        var refusal = AssertRefused(document, ClientA, Ops.Create(3, "e1"));

        Assert.Contains("never reused", refusal.Reason, StringComparison.Ordinal);
        AssertRefused(document, ClientA, Ops.Create(3, "e2"), Ops.Delete(4, "e2"), Ops.Create(5, "e2"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("circle")]
    [InlineData("Freehand")]
    public void CreateNeedsAKnownType_P_EL_1(string? type)
    {
        AssertRefused(new BoardDocument(), ClientA, Ops.Create(1, "e1", type: type));
    }

    [Fact]
    public void CreateWithoutPropsGetsDefaultProps()
    {
        var document = new BoardDocument();

        document.Push(ClientA, new ElementOp { Kind = ElementOpKind.Create, ClientSeq = 1, ElementId = "e1", Type = "rectangle" });

        Assert.Equal(new ElementProps(), Assert.Single(document.ToSnapshot().Elements).Props);
    }

    [Fact]
    public void PatchAndDeleteNeedALiveElement_P_OPS_5()
    {
        var document = new BoardDocument();
        document.Push(ClientA, Ops.Create(1, "gone"), Ops.Delete(2, "gone"));

        AssertRefused(document, ClientA, Ops.Patch(3, "never", new() { X = 1 }));
        AssertRefused(document, ClientA, Ops.Delete(3, "never"));
        AssertRefused(document, ClientA, Ops.Patch(3, "gone", new() { X = 1 }));
        AssertRefused(document, ClientA, Ops.Delete(3, "gone"));
    }

    [Fact]
    public void DeleteThenPatchInOnePushIsRefused_P_OPS_5()
    {
        var document = new BoardDocument();
        document.Push(ClientA, Ops.Create(1, "e1"));
        var before = Canonical.Of(document);

        var refusal = AssertRefused(document, ClientA, Ops.Delete(2, "e1"), Ops.Patch(3, "e1", new() { X = 1 }));

        Assert.StartsWith("ops[1]", refusal.Reason, StringComparison.Ordinal);
        Assert.Equal(before, Canonical.Of(document));
    }

    [Fact]
    public void DeleteTwiceInOnePushIsRefused_P_OPS_5()
    {
        var document = new BoardDocument();
        document.Push(ClientA, Ops.Create(1, "e1"));

        AssertRefused(document, ClientA, Ops.Delete(2, "e1"), Ops.Delete(3, "e1"));
    }

    [Fact]
    public void CreateThenPatchThenDeleteInOnePushIsAccepted_P_OPS_5()
    {
        var document = new BoardDocument();

        var plan = document.Push(ClientA, Ops.Create(1, "e1"), Ops.Patch(2, "e1", new() { X = 3 }), Ops.Delete(3, "e1"));

        Assert.Equal(3, plan.NewOps.Count);
        Assert.Empty(document.ToSnapshot().Elements);
        Assert.Equal(0, document.LiveCount);
    }

    [Fact]
    public void PatchNeedsProps()
    {
        var document = new BoardDocument();
        document.Push(ClientA, Ops.Create(1, "e1"));

        var refusal = AssertRefused(document, ClientA, new ElementOp { Kind = ElementOpKind.Patch, ClientSeq = 2, ElementId = "e1" });

        Assert.Contains("props", refusal.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownKindIsRefused()
    {
        AssertRefused(new BoardDocument(), ClientA, new ElementOp { Kind = (ElementOpKind)7, ClientSeq = 1, ElementId = "e1" });
    }

    [Fact]
    public void PatchesOfDifferentPropertiesBothSurvive_P_OPS_5()
    {
        var document = new BoardDocument();
        document.Push(ClientA, Ops.Create(1, "e1", new() { X = 0, Y = 0, StrokeColor = "#1e1e1e", StrokeWidth = 2 }, type: "rectangle"));

        // Two users edit the same element at once: one moves it, the other recolours it.
        document.Push("u_ada", ClientA, [Ops.Patch(2, "e1", new() { X = 100, Y = 50 })]);
        document.Push("u_bob", ClientB, [Ops.Patch(1, "e1", new() { StrokeColor = "#e03131" })]);

        var element = Assert.Single(document.ToSnapshot().Elements);
        Assert.Equal(100, element.Props.X);
        Assert.Equal(50, element.Props.Y);
        Assert.Equal("#e03131", element.Props.StrokeColor);
        Assert.Equal(2, element.Props.StrokeWidth);
        Assert.Equal(3, element.Version);
        Assert.Equal("u_author", element.CreatedBy);
    }

    [Fact]
    public void PatchesOfTheSamePropertyResolveInServerOrder_P_OPS_5()
    {
        var document = new BoardDocument();
        document.Push(ClientA, Ops.Create(1, "e1"));

        document.Push(ClientB, Ops.Patch(1, "e1", new() { StrokeColor = "#2f9e44" }));
        document.Push(ClientA, Ops.Patch(2, "e1", new() { StrokeColor = "#9c36b5" }));

        Assert.Equal("#9c36b5", Assert.Single(document.ToSnapshot().Elements).Props.StrokeColor);
    }

    [Fact]
    public void StoredOpsKeepOnlyWhatTheirKindUses()
    {
        var document = new BoardDocument();

        var plan = document.Push(
            ClientA,
            Ops.Create(1, "e1"),
            new ElementOp { Kind = ElementOpKind.Patch, ClientSeq = 2, ElementId = "e1", Type = "freehand", Props = new() { X = 1 } },
            new ElementOp { Kind = ElementOpKind.Delete, ClientSeq = 3, ElementId = "e1", Props = new() { X = 2 } });

        Assert.Equal("freehand", plan.NewOps[0].Type);
        Assert.Null(plan.NewOps[1].Type);
        Assert.Null(plan.NewOps[2].Props);
        Assert.All(plan.NewOps, op => Assert.Equal(("u_author", ClientA), (op.AuthorId, op.ClientId)));
    }

    [Fact]
    public void TheBoardHoldsAtMost20000LiveElements_P_OPS_4()
    {
        var full = FullBoard(BoardLimits.MaxLiveElements);

        var refusal = AssertRefused(full, ClientA, Ops.Create(1, "one-too-many"));
        Assert.Contains("maximum", refusal.Reason, StringComparison.Ordinal);

        // Deleting first makes room within the same push; tombstones do not count.
        var plan = full.Push(ClientA, Ops.Delete(1, "el0"), Ops.Create(2, "replacement"));
        Assert.Equal(2, plan.NewOps.Count);
        Assert.Equal(BoardLimits.MaxLiveElements, full.LiveCount);
        AssertRefused(full, ClientA, Ops.Create(3, "still-too-many"));
    }

    [Fact]
    public void OneBelowTheLimitAcceptsOneCreateOnly_P_OPS_4()
    {
        var almostFull = FullBoard(BoardLimits.MaxLiveElements - 1);

        AssertRefused(almostFull, ClientA, Ops.Create(1, "x1"), Ops.Create(2, "x2"));
        almostFull.Push(ClientA, Ops.Create(1, "x1"));

        Assert.Equal(BoardLimits.MaxLiveElements, almostFull.LiveCount);
    }

    [Fact]
    public void SnapshotForJoiningClientsLeavesOutDeletedElements()
    {
        var document = new BoardDocument();
        document.Push(ClientA, Ops.Create(1, "keep"), Ops.Create(2, "drop"), Ops.Delete(3, "drop"));

        var snapshot = document.ToSnapshot();
        var stored = document.ToStoredSnapshot();

        Assert.Equal(3, snapshot.Clock);
        Assert.Equal("keep", Assert.Single(snapshot.Elements).Id);
        Assert.Equal(2, stored.Elements.Length);
        Assert.True(stored.Elements.Single(e => e.Id == "drop").Deleted);
        Assert.Equal(3, stored.Elements.Single(e => e.Id == "drop").Version);
        Assert.Equal(3, stored.ClientSeqs[BoardDocument.SenderKey("u_author", ClientA)]);
    }

    [Fact]
    public void RestoreFromSnapshotAndLaterOpsEqualsTheDocumentThatProducedThem()
    {
        var original = new BoardDocument();
        var log = new List<StoredOp>();
        log.AddRange(original.Push(ClientA, Ops.Create(1, "e1"), Ops.Create(2, "e2"), Ops.Create(3, "e3")).NewOps);
        log.AddRange(original.Push(ClientB, Ops.Patch(1, "e1", new() { X = -40 }), Ops.Delete(2, "e2")).NewOps);
        var snapshot = original.ToStoredSnapshot();
        var snapshotClock = original.Clock;
        log.AddRange(original.Push(ClientA, Ops.Patch(4, "e3", new() { Text = "lim x→0" }), Ops.Create(5, "e4")).NewOps);
        log.AddRange(original.Push("c_c", Ops.Delete(1, "e1")).NewOps);

        var fromSnapshot = BoardDocument.Restore(new StoredBoard(snapshot, log.Where(op => op.Clock > snapshotClock).ToList()));
        var fromLogAlone = BoardDocument.Restore(new StoredBoard(null, log));
        // A store may hand back ops the snapshot already covers; replay skips them.
        var withOverlap = BoardDocument.Restore(new StoredBoard(snapshot, log));

        Assert.Equal(Canonical.Of(original), Canonical.Of(fromSnapshot));
        Assert.Equal(Canonical.Of(original), Canonical.Of(fromLogAlone));
        Assert.Equal(Canonical.Of(original), Canonical.Of(withOverlap));
        Assert.Equal(Canonical.Of(original.ToSnapshot()), Canonical.Of(fromSnapshot.ToSnapshot()));
    }

    [Fact]
    public void RestoredDocumentKeepsDedupingAndNumbering_P_OPS_3()
    {
        var original = new BoardDocument();
        original.Push(ClientA, Ops.Create(1, "e1"), Ops.Create(2, "e2"));
        original.Push(ClientA, Ops.Delete(3, "e2"));

        var restored = BoardDocument.Restore(new StoredBoard(original.ToStoredSnapshot(), []));
        var plan = restored.Push(ClientA, Ops.Delete(3, "e2"), Ops.Patch(4, "e1", new() { Y = 9 }));

        Assert.Equal([0L, 4L], plan.Acks.Select(a => a.Clock));
        AssertRefused(restored, ClientA, Ops.Create(5, "e2"));
    }

    [Fact]
    public void RestoreOfAnEmptyStoreIsAnEmptyBoard()
    {
        var document = BoardDocument.Restore(new StoredBoard(null, []));

        Assert.Equal(0, document.Clock);
        Assert.Equal(0, document.LiveCount);
        Assert.Empty(document.ToSnapshot().Elements);
    }

    [Fact]
    public void CommittedOpCarriesClockKindIdTypeAndPropsButNoClientSeq_P_OPS_7()
    {
        var document = new BoardDocument();
        var stored = Assert.Single(document.Push(ClientA, Ops.Create(9, "e1")).NewOps);

        var committed = BoardDocument.ToCommitted(stored);

        Assert.Equal((1L, ElementOpKind.Create, "e1", "freehand"), (committed.Clock, committed.Kind, committed.ElementId, committed.Type));
        Assert.Same(stored.Props, committed.Props);
    }

    private static StudyRoomsException AssertRefused(BoardDocument document, string clientId, params ElementOp?[] ops)
    {
        var before = Canonical.Of(document);
        var refusal = Assert.Throws<StudyRoomsException>(() => document.Plan("u_author", clientId, ops));
        Assert.Equal(ErrorCodes.InvalidRequest, refusal.Code);
        Assert.Equal(before, Canonical.Of(document));
        return refusal;
    }

    private static BoardDocument FullBoard(int liveElements)
    {
        var elements = Enumerable.Range(0, liveElements)
            .Select(i => new StoredElement { Id = $"el{i}", Type = "freehand", CreatedBy = "u_author", Version = i + 1, Props = new ElementProps { X = i } })
            .Append(new StoredElement { Id = "tombstone", Type = "freehand", CreatedBy = "u_author", Version = liveElements + 1, Deleted = true, Props = new ElementProps() })
            .ToArray();
        var document = BoardDocument.Restore(new StoredBoard(
            new StoredBoardSnapshot { Clock = liveElements + 1, Elements = elements, ClientSeqs = new() },
            []));
        Assert.Equal(liveElements, document.LiveCount);
        return document;
    }
}
