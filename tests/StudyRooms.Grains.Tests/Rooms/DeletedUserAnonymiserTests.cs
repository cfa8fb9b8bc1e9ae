using StudyRooms.Contracts.Accounts;
using StudyRooms.Contracts.Boards;
using StudyRooms.Contracts.Boards.History;
using StudyRooms.Contracts.Chat;
using StudyRooms.Contracts.Stats;
using StudyRooms.Grains.Boards;
using StudyRooms.Grains.Chat;
using StudyRooms.Grains.Stats;
using StudyRooms.Grains.Storage;

namespace StudyRooms.Grains.Tests.Rooms;

// Proves the pure rules of what a room keeps of a deleted user (P-ACCT-4): chat and board records
// keep their content with the marker as author, lose the user's mentions, reactions and client
// sequences, answer null when the user is not named (so a second run rewrites nothing), and the
// leaderboard drops every entry of the user.
public sealed class DeletedUserAnonymiserTests
{
    private const string Gone = "u_gone";
    private const string Other = "u_other";

    [Fact]
    public void AChatMessageKeepsItsTextAndLosesItsAuthorMentionsAndReactions()
    {
        var message = new ChatMessage
        {
            Seq = 3, AuthorId = Gone, AuthorName = "Quillon", ClientMessageId = "m_1", Text = "hello", DeletedBy = Gone,
            Mentions = [Gone, Other], Reactions = [new ChatReaction { Emoji = "👍", UserIds = [Gone, Other] }, new ChatReaction { Emoji = "🎉", UserIds = [Gone] }],
        };

        var kept = ChatAnonymiser.Without(message, Gone)!;

        Assert.Equal(("hello", DeletedUsers.MarkerId, DeletedUsers.MarkerName, DeletedUsers.MarkerId), (kept.Text, kept.AuthorId, kept.AuthorName, kept.DeletedBy));
        Assert.Equal([Other], kept.Mentions);
        Assert.Equal([Other], Assert.Single(kept.Reactions).UserIds);
        Assert.Null(ChatAnonymiser.Without(kept, Gone));
        Assert.Null(ChatAnonymiser.Without(message with { AuthorId = Other, DeletedBy = null, Mentions = [], Reactions = [] }, Gone));
    }

    [Fact]
    public void BoardRecordsKeepTheirElementsWithTheMarkerAsAuthor()
    {
        var op = new StoredOp { Clock = 1, AuthorId = Gone, ClientId = "c_1", ClientSeq = 1, Kind = ElementOpKind.Create, ElementId = "e_1", Type = "freehand" };
        Assert.Equal(DeletedUsers.MarkerId, BoardAnonymiser.Op(op, Gone)!.AuthorId);
        Assert.Null(BoardAnonymiser.Op(op with { AuthorId = Other }, Gone));

        var snapshot = new StoredBoardSnapshot
        {
            Clock = 2,
            Elements = [new StoredElement { Id = "e_1", Type = "freehand", CreatedBy = Gone, Props = new ElementProps() }, new StoredElement { Id = "e_2", Type = "freehand", CreatedBy = Other, Props = new ElementProps() }],
            ClientSeqs = new() { [Gone + "/c_1"] = 4, [Other + "/c_2"] = 1 },
        };
        var anonymised = BoardAnonymiser.Snapshot(snapshot, Gone)!;
        Assert.Equal([DeletedUsers.MarkerId, Other], anonymised.Elements.Select(e => e.CreatedBy));
        Assert.Equal([Other + "/c_2"], anonymised.ClientSeqs.Keys);
        Assert.Null(BoardAnonymiser.Snapshot(anonymised, Gone));

        var entry = new BoardHistoryEntry { Id = "h_1", Label = "Auto-save", EditorIds = [Gone, Other, DeletedUsers.MarkerId] };
        Assert.Equal([DeletedUsers.MarkerId, Other], BoardAnonymiser.Entry(entry, Gone)!.EditorIds);
        Assert.Null(BoardAnonymiser.Entry(entry with { EditorIds = [Other] }, Gone));
        var elements = new[] { new BoardElement { Id = "e_1", Type = "freehand", CreatedBy = Gone, Props = new ElementProps() } };
        Assert.Equal(DeletedUsers.MarkerId, Assert.Single(BoardAnonymiser.Elements(elements, Gone)!).CreatedBy);
        Assert.Null(BoardAnonymiser.Elements(BoardAnonymiser.Elements(elements, Gone)!, Gone));
    }

    [Fact]
    public void TheLeaderboardDropsEveryEntryOfTheUser()
    {
        var state = new RoomLeaderboardState();
        var book = new LeaderboardBook(state);
        var now = DateTimeOffset.UtcNow;
        foreach (var (userId, name) in new[] { (Gone, "Quillon"), (Other, "Ada") })
        {
            book.AddCredit(new FocusCredit { UserId = userId, DisplayName = name, RoomId = "r", SprintId = "s1", BlockStartedAt = now.AddMinutes(-25), BlockEndedAt = now, Credited = TimeSpan.FromMinutes(25) }, now);
        }

        Assert.True(book.ForgetUser(Gone));
        Assert.Equal([Other], state.Users.Keys);
        Assert.All(state.Weeks, week => Assert.Equal([Other], week.Users.Keys));
        Assert.Equal(["0/" + Other], Assert.Single(state.Recent.Values).Credited);
        Assert.False(book.ForgetUser(Gone));
    }
}
