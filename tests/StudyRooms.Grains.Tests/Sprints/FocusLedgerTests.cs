using StudyRooms.Grains.Sprints;

namespace StudyRooms.Grains.Tests.Sprints;

// Proves the fairness rule of the participation ledger (docs/sprints.md, P-SPR-11): a user is
// credited only the focus time during which they were joined and connected, not while paused, zero
// for a block they idled through, and a connection that went silent stops counting after the grace.
public sealed class FocusLedgerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset At(double minutes) => T0.AddMinutes(minutes);

    /// <summary>A heartbeat each minute in [from, to), as the client sends them.</summary>
    private static void Beat(FocusLedger ledger, string userId, string connectionId, int from, int to, bool active = false)
    {
        for (var minute = from; minute < to; minute++)
        {
            ledger.Seen(userId, connectionId, At(minute), active);
        }
    }

    private static Dictionary<string, double> Minutes(IReadOnlyList<(string UserId, string DisplayName, TimeSpan Credited)> credits) =>
        credits.ToDictionary(c => c.UserId, c => c.Credited.TotalMinutes);

    [Fact]
    public void AUserPresentTheWholeBlockIsCreditedTheWholeBlock_P_SPR_11()
    {
        var ledger = new FocusLedger();
        ledger.StartBlock(0, At(0));
        ledger.Join("ann", "Ann", "c1", At(0));
        for (var minute = 1; minute < 25; minute++)
        {
            ledger.Seen("ann", "c1", At(minute), active: minute == 7);
        }

        Assert.Equal(25, Minutes(ledger.EndBlock(At(25)))["ann"], precision: 6);
    }

    [Fact]
    public void ADisconnectStopsTheClockAndAReconnectStartsIt_P_SPR_11()
    {
        var ledger = new FocusLedger();
        ledger.StartBlock(0, At(0));
        ledger.Join("bob", "Bob", "c1", At(0));
        Beat(ledger, "bob", "c1", 1, 10);
        ledger.ConnectionClosed("bob", "c1", At(10));
        Beat(ledger, "bob", "c2", 18, 25, active: true); // back on a new connection

        Assert.Equal(10 + 7, Minutes(ledger.EndBlock(At(25)))["bob"], precision: 6);
    }

    [Fact]
    public void OneOfTwoTabsClosingKeepsTheClockRunning_P_SPR_11()
    {
        var ledger = new FocusLedger();
        ledger.StartBlock(0, At(0));
        ledger.Join("cy", "Cy", "tab1", At(0));
        ledger.Join("cy", "Cy", "tab2", At(1));
        Beat(ledger, "cy", "tab1", 1, 5);
        ledger.ConnectionClosed("cy", "tab1", At(5));
        Beat(ledger, "cy", "tab2", 5, 25);

        Assert.Equal(25, Minutes(ledger.EndBlock(At(25)))["cy"], precision: 6);
    }

    [Fact]
    public void JoiningMidBlockAndLeavingEarlyCountOnlyTheTimeBetween_P_SPR_11()
    {
        var ledger = new FocusLedger();
        ledger.StartBlock(0, At(0));
        ledger.Join("dee", "Dee", "c1", At(8));
        Beat(ledger, "dee", "c1", 9, 20, active: true);
        ledger.Leave("dee", At(20));
        Beat(ledger, "dee", "c1", 20, 25); // still in the room, but no longer in the sprint

        Assert.Equal(12, Minutes(ledger.EndBlock(At(25)))["dee"], precision: 6);
    }

    [Fact]
    public void AUserIdleForTheWholeBlockIsCreditedZero_P_SPR_11()
    {
        var ledger = new FocusLedger();
        ledger.StartBlock(0, At(-5)); // joined in an earlier block; idle in this one
        ledger.Join("eve", "Eve", "c1", At(-5));
        ledger.EndBlock(At(-1));
        ledger.StartBlock(1, At(0));
        Beat(ledger, "eve", "c1", 1, 25);

        Assert.Equal(0, Minutes(ledger.EndBlock(At(25)))["eve"]);
    }

    [Fact]
    public void PausedTimeIsNotCredited_P_SPR_11()
    {
        var ledger = new FocusLedger();
        ledger.StartBlock(0, At(0));
        ledger.Join("fay", "Fay", "c1", At(0));
        Beat(ledger, "fay", "c1", 1, 5);
        ledger.Pause(At(5));
        Beat(ledger, "fay", "c1", 5, 15, active: true);
        ledger.Resume(At(15));
        Beat(ledger, "fay", "c1", 15, 25);

        Assert.Equal(5 + 10, Minutes(ledger.EndBlock(At(25)))["fay"], precision: 6);
    }

    [Fact]
    public void ASilentConnectionStopsCountingTheGraceAfterItsLastHeartbeat_P_SPR_11()
    {
        var ledger = new FocusLedger();
        ledger.StartBlock(0, At(0));
        ledger.Join("gus", "Gus", "c1", At(0));
        Beat(ledger, "gus", "c1", 1, 4, active: true);

        // The server holding the connection died at minute 3: nothing more is heard.
        Assert.Equal(3 + FocusLedger.Grace.TotalMinutes, Minutes(ledger.EndBlock(At(25)))["gus"], precision: 6);
    }

    [Fact]
    public void TheBlockStartResetsCreditsAndForgetsUsersWhoLeft_P_SPR_11()
    {
        var ledger = new FocusLedger();
        ledger.StartBlock(0, At(0));
        ledger.Join("hal", "Hal", "c1", At(0));
        Beat(ledger, "hal", "c1", 1, 5);
        ledger.Leave("hal", At(5));
        ledger.ConnectionClosed("hal", "c1", At(6));
        Assert.Equal(5, Minutes(ledger.EndBlock(At(25)))["hal"], precision: 6);

        ledger.StartBlock(1, At(30));

        Assert.Empty(ledger.EndBlock(At(55)));
    }
}
