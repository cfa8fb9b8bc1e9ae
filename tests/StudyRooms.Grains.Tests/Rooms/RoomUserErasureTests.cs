using StudyRooms.Contracts.Accounts;
using StudyRooms.Contracts.Boards;
using StudyRooms.Contracts.Chat;
using StudyRooms.Contracts.Help;
using StudyRooms.Contracts.Resources;
using StudyRooms.Contracts.Rooms;
using StudyRooms.Contracts.Sprints;
using StudyRooms.Contracts.Stats;
using StudyRooms.Grains.Accounts;
using StudyRooms.Grains.Rooms;
using StudyRooms.Grains.Tests.Cluster;
using StudyRooms.Grains.Tests.Support;

namespace StudyRooms.Grains.Tests.Rooms;

// Proves on a real silo with SQLite that each step of a deleted user's erasure in a room (P-ACCT-4)
// runs twice with the same result (idempotent), that afterwards no row names the user's id or name
// while what others see stays with the "deleted user" marker as author, and that a room the user
// owns is deleted with nothing of it left.
[Collection(ClusterCollection.Name)]
public sealed class RoomUserErasureTests(ClusterFixture fixture)
{
    [Fact]
    public async Task EveryRoomStepForgetsTheUserAndRunsAgainAsANoOp_P_ACCT_4()
    {
        var owner = TestIds.User();
        var gone = TestIds.User();
        var goneName = "Quillon" + gone[2..];
        var roomId = TestIds.Room();
        var room = fixture.Grains.GetGrain<IRoomGrain>(roomId);
        var board = fixture.Grains.GetGrain<IBoardGrain>(roomId);
        var chat = fixture.Grains.GetGrain<IChatGrain>(roomId);
        var sprint = fixture.Grains.GetGrain<ISprintGrain>(roomId);
        var shelf = fixture.Grains.GetGrain<IRoomResourcesGrain>(roomId);
        var leaderboard = fixture.Grains.GetGrain<IRoomLeaderboardGrain>(roomId);
        await room.CreateAsync(new CreateRoomCommand { Name = "Optics", OwnerId = owner });
        await room.JoinAsync(new JoinRoomCommand { UserId = owner, DisplayName = "Ada", ConnectionId = "conn_owner" });
        await room.JoinAsync(new JoinRoomCommand { UserId = gone, DisplayName = goneName, ConnectionId = "conn_gone" });
        var ownerChat = new ChatActor { UserId = owner, DisplayName = "Ada", ConnectionId = "conn_owner" };
        var goneChat = new ChatActor { UserId = gone, DisplayName = goneName, ConnectionId = "conn_gone" };

        var ownerElement = TestIds.Element();
        var goneElement = TestIds.Element();
        await board.PushOpsAsync(new PushOpsCommand { UserId = owner, ClientId = TestIds.Client(), ConnectionId = "conn_owner", Ops = [Ops.Create(1, ownerElement)] });
        await board.PushOpsAsync(new PushOpsCommand { UserId = gone, ClientId = TestIds.Client(), ConnectionId = "conn_gone", Ops = [Ops.Create(1, goneElement)] });
        await board.SaveHistorySnapshotAsync("both drew");
        var kept = await chat.PostAsync(goneChat, new PostMessageRequest { RoomId = roomId, ClientMessageId = "m_" + TestIds.Client(), Text = "my notes" });
        var ownerMessage = await chat.PostAsync(ownerChat, new PostMessageRequest { RoomId = roomId, ClientMessageId = "m_" + TestIds.Client(), Text = "see above", Mentions = [gone] });
        await chat.ReactAsync(goneChat, new ReactToMessageRequest { RoomId = roomId, Seq = ownerMessage.Seq, Emoji = "👍" });
        await chat.ReactAsync(ownerChat, new ReactToMessageRequest { RoomId = roomId, Seq = ownerMessage.Seq, Emoji = "👍" });
        await chat.MarkReadAsync(goneChat, new MarkReadRequest { RoomId = roomId, Seq = ownerMessage.Seq });
        await room.ModerateAsync(new ModerationCommand { Kind = ModerationKind.SetRole, ActorId = owner, ActorConnectionId = "conn_owner", TargetUserId = gone, Role = RoomRole.Member });
        await room.ModerateAsync(new ModerationCommand { Kind = ModerationKind.MuteChat, ActorId = owner, ActorConnectionId = "conn_owner", TargetUserId = gone });
        await shelf.PinAsync(new ResourceActor { UserId = gone, DisplayName = goneName, ConnectionId = "conn_gone" }, new PinResourceRequest { RoomId = roomId, Kind = ResourceKind.Note, Text = "formula sheet" });
        await room.UpdateHelpQueueAsync(new HelpQueueCommand { Action = HelpQueueAction.Raise, ActorId = gone, ActorConnectionId = "conn_gone" });
        await sprint.StartAsync(new SprintActor { UserId = owner, DisplayName = "Ada", ConnectionId = "conn_owner" }, new StartSprintCommand { Preset = "25/5" });
        await sprint.JoinAsync(new SprintActor { UserId = gone, DisplayName = goneName, ConnectionId = "conn_gone" }, "lens problems");
        var now = DateTimeOffset.UtcNow;
        await leaderboard.RecordFocusAsync(new FocusCredit { UserId = gone, DisplayName = goneName, RoomId = roomId, SprintId = "s1", BlockStartedAt = now.AddMinutes(-25), BlockEndedAt = now, Credited = TimeSpan.FromMinutes(25) });
        Assert.Contains(await fixture.Grains.GetGrain<IUserFootprintGrain>(gone).ListAsync(), id => id == roomId);
        Assert.NotEmpty(await RowsMentioningAsync(goneName));

        // Each step twice: the second run finds nothing and changes nothing.
        var at = new RoomUser(roomId, gone);
        foreach (var step in RoomUserErasure.DefaultSteps)
        {
            await step.EraseAsync(fixture.Grains, at);
            await step.EraseAsync(fixture.Grains, at);
        }

        // The user's own grains go with the rest of the user's erasure (run twice too).
        var user = new DeleteUserCommand { UserId = gone };
        await UserErasure.Default.RunAsync(fixture.Grains, user, _ => { });
        await UserErasure.Default.RunAsync(fixture.Grains, user, _ => { });
        Assert.Empty(await RowsMentioningAsync(gone));
        Assert.Empty(await RowsMentioningAsync(goneName));

        // What others see stays, with the marker as author; the rest of the user's is gone.
        var messages = (await chat.LoadAsync(ownerChat, new LoadMessagesRequest { RoomId = roomId })).Messages;
        var anonymised = Assert.Single(messages, m => m.Seq == kept.Seq);
        Assert.Equal(("my notes", DeletedUsers.MarkerId, DeletedUsers.MarkerName), (anonymised.Text, anonymised.AuthorId, anonymised.AuthorName));
        var others = Assert.Single(messages, m => m.Seq == ownerMessage.Seq);
        Assert.Equal((owner, "see above"), (others.AuthorId, others.Text));
        Assert.Empty(others.Mentions);
        Assert.Equal([owner], Assert.Single(others.Reactions).UserIds);
        var elements = (await board.GetSnapshotAsync()).Elements;
        Assert.Equal(owner, Assert.Single(elements, e => e.Id == ownerElement).CreatedBy);
        Assert.Equal(DeletedUsers.MarkerId, Assert.Single(elements, e => e.Id == goneElement).CreatedBy);
        var item = Assert.Single((await shelf.ListAsync(new ResourceActor { UserId = owner, DisplayName = "Ada", ConnectionId = "conn_owner" })).Items);
        Assert.Equal((DeletedUsers.MarkerId, DeletedUsers.MarkerName, "formula sheet"), (item.AddedBy, item.AddedByName, item.Text));
        Assert.DoesNotContain((await sprint.GetAsync()).Participants, p => p.UserId == gone);
        Assert.Empty((await leaderboard.GetLeaderboardAsync(LeaderboardPeriod.All, 10)).Entries);
        Assert.Equal(RoomRole.Member, await room.GetRoleForAsync(gone));
        Assert.DoesNotContain(gone, await fixture.Grains.GetGrain<IRoomUsersGrain>(roomId).ListAsync());
        Assert.Contains(owner, await fixture.Grains.GetGrain<IRoomUsersGrain>(roomId).ListAsync());
    }

    [Fact]
    public async Task ARoomTheUserOwnsIsDeletedWithNothingOfItLeft_P_ACCT_4()
    {
        var gone = TestIds.User();
        var guest = TestIds.User();
        var roomId = TestIds.Room();
        var room = fixture.Grains.GetGrain<IRoomGrain>(roomId);
        await room.CreateAsync(new CreateRoomCommand { Name = "Mine", OwnerId = gone });
        await room.JoinAsync(new JoinRoomCommand { UserId = guest, DisplayName = "Guest", ConnectionId = "conn_guest" });
        await fixture.Grains.GetGrain<IChatGrain>(roomId).PostAsync(
            new ChatActor { UserId = guest, DisplayName = "Guest", ConnectionId = "conn_guest" },
            new PostMessageRequest { RoomId = roomId, ClientMessageId = "m_" + TestIds.Client(), Text = "hello" });
        Assert.NotEmpty(await RowsMentioningAsync(roomId));

        var at = new RoomUser(roomId, gone);
        await RoomUserErasure.Default.RunAsync(fixture.Grains, at, _ => { });
        await RoomUserErasure.Default.RunAsync(fixture.Grains, at, _ => { });

        Assert.Null(await room.GetAsync());
        Assert.DoesNotContain(roomId, await fixture.Grains.GetGrain<IUserFootprintGrain>(guest).ListAsync());
        Assert.Empty(await RowsMentioningAsync(roomId));
    }

    private Task<IReadOnlyList<string>> RowsMentioningAsync(string text) =>
        StudyRooms.Testing.StoredData.SqliteRowsMentioningAsync(Path.Combine(fixture.DataDirectory, "studyrooms.db"), text);
}
