using StudyRooms.Contracts.Help;
using StudyRooms.Contracts.Protocol;
using StudyRooms.Grains.Rooms;

namespace StudyRooms.Grains.Tests.Rooms;

// The raise-hand queue's pure rules: order of raising, one request per user, notes (P-HAND-1, P-HAND-2).
public sealed class HelpQueueTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void RequestsKeepTheOrderHandsWentUpAndARaiseAgainChangesTheNoteInPlace_P_HAND_1()
    {
        var queue = new HelpQueue();
        queue.Raise("u_a", "Ada", "stuck on 3", Now);
        queue.Raise("u_b", "Bob", null, Now.AddSeconds(1));
        queue.Raise("u_c", "Cy", "  ", Now.AddSeconds(2));

        queue.Raise("u_a", "Ada", "  now stuck on 4 ", Now.AddSeconds(3));

        Assert.Equal(
            [("u_a", "now stuck on 4", Now), ("u_b", "", Now.AddSeconds(1)), ("u_c", "", Now.AddSeconds(2))],
            queue.ToArray().Select(r => (r.UserId, r.Note, r.RaisedAt)));
    }

    [Fact]
    public void TakingMarksTheMentorAndKeepsThePlaceResolvingMovesEveryoneUp_P_HAND_2()
    {
        var queue = new HelpQueue();
        queue.Raise("u_a", "Ada", null, Now);
        queue.Raise("u_b", "Bob", null, Now);

        queue.Take("u_b", "u_m", "Mia");
        Assert.Equal([(null, null), ("u_m", "Mia")], queue.ToArray().Select(r => (r.TakenById, r.TakenByName)));

        queue.Resolve("u_a");
        Assert.Equal(["u_b"], queue.ToArray().Select(r => r.UserId));
    }

    [Theory]
    [InlineData("take")]
    [InlineData("resolve")]
    public void ActingOnAUserWithoutARaisedHandFailsWithHandNotRaisedAndChangesNothing_P_HAND_2(string act)
    {
        var queue = new HelpQueue();
        queue.Raise("u_a", "Ada", null, Now);

        var refusal = Assert.Throws<StudyRoomsException>(() =>
        {
            if (act == "take")
            {
                queue.Take("u_x", "u_m", "Mia");
            }
            else
            {
                queue.Resolve("u_x");
            }
        });

        Assert.Equal(ErrorCodes.HandNotRaised, refusal.Code);
        Assert.Equal(["u_a"], queue.ToArray().Select(r => r.UserId));
    }

    [Theory]
    [InlineData(201, "note is longer than 200 characters")]
    [InlineData(-1, "note contains control characters")]
    public void ABadNoteIsRefusedAndTheQueueIsUnchanged_P_HAND_2(int length, string reason)
    {
        var queue = new HelpQueue();
        queue.Raise("u_a", "Ada", "first", Now);
        var note = length < 0 ? "line\u0007bell" : new string('x', length);

        var refusal = Assert.Throws<StudyRoomsException>(() => queue.Raise("u_a", "Ada", note, Now));

        Assert.Equal((ErrorCodes.InvalidRequest, reason), (refusal.Code, refusal.Reason));
        Assert.Equal("first", Assert.Single(queue.ToArray()).Note);
    }

    [Fact]
    public void DropTakesOutOnlyThatUsersRequest_P_HAND_4()
    {
        var queue = new HelpQueue();
        queue.Raise("u_a", "Ada", null, Now);
        queue.Raise("u_b", "Bob", null, Now);

        Assert.True(queue.Drop("u_a"));
        Assert.False(queue.Drop("u_a"));
        Assert.Equal(["u_b"], queue.ToArray().Select(r => r.UserId));
    }
}
