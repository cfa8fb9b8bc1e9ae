using StudyRooms.Contracts.Boards;
using StudyRooms.Contracts.Chat;
using StudyRooms.Contracts.Discovery;
using StudyRooms.Contracts.Help;
using StudyRooms.Contracts.Invites;
using StudyRooms.Contracts.Protocol;
using StudyRooms.Contracts.Rooms;
using StudyRooms.Contracts.Sprints;
using StudyRooms.Contracts.Stats;
using StudyRooms.Grains.Tests.Cluster;
using StudyRooms.Grains.Tests.Support;

namespace StudyRooms.Grains.Tests.Rooms;

// Proves on a real silo with SQLite that only the owner archives, restores and deletes a room; that an
// archived room refuses every write with ROOM_ARCHIVED and still reads; and that a deletion evicts
// everyone, leaves no row of the room in the database, and is finished by a retry after a storage
// failure part way (P-LIFE-1..5).
[Collection(ClusterCollection.Name)]
public sealed class RoomLifecycleTests(ClusterFixture fixture)
{
    private const string Owner = "u_owner";
    private const string Name = "Organic chemistry";

    [Fact]
    public async Task OnlyTheOwnerArchivesRestoresOrDeletes_P_LIFE_1()
    {
        var (roomId, room) = await NewRoomAsync();
        await room.JoinAsync(Join(Owner, "conn_owner"));
        await room.JoinAsync(Join("u_mentor", "conn_mentor"));
        await room.ModerateAsync(new ModerationCommand { Kind = ModerationKind.SetRole, ActorId = Owner, ActorConnectionId = "conn_owner", TargetUserId = "u_mentor", Role = RoomRole.Mentor });

        foreach (var actor in new[] { "u_mentor", "u_member", "u_stranger" })
        {
            Assert.Equal(ErrorCodes.Forbidden, (await Assert.ThrowsAsync<StudyRoomsException>(() => room.SetArchivedAsync(new SetArchivedCommand { ActorId = actor, Archived = true }))).Code);
            Assert.Equal(ErrorCodes.Forbidden, (await Assert.ThrowsAsync<StudyRoomsException>(() => room.DeleteAsync(new DeleteRoomCommand { ActorId = actor, ConfirmName = Name }))).Code);
        }

        Assert.False((await room.GetAsync())!.Archived);
        Assert.True((await room.SetArchivedAsync(new SetArchivedCommand { ActorId = Owner, Archived = true })).Archived);
        Assert.Equal(ErrorCodes.Forbidden, (await Assert.ThrowsAsync<StudyRoomsException>(() => room.SetArchivedAsync(new SetArchivedCommand { ActorId = "u_mentor", Archived = false }))).Code);
        var missing = fixture.Grains.GetGrain<IRoomGrain>(TestIds.Room());
        Assert.Equal(ErrorCodes.RoomNotFound, (await Assert.ThrowsAsync<StudyRoomsException>(() => missing.SetArchivedAsync(new SetArchivedCommand { ActorId = Owner, Archived = true }))).Code);
        Assert.Equal(ErrorCodes.RoomNotFound, (await Assert.ThrowsAsync<StudyRoomsException>(() => missing.DeleteAsync(new DeleteRoomCommand { ActorId = Owner, ConfirmName = Name }))).Code);
        Assert.True((await fixture.Grains.GetGrain<IRoomGrain>(roomId).GetAsync())!.Archived);
    }

    [Fact]
    public async Task AnArchivedRoomRefusesEveryWriteWithRoomArchivedAndStillReads_P_LIFE_2()
    {
        var (roomId, room) = await NewRoomAsync(isPublic: true);
        var board = fixture.Grains.GetGrain<IBoardGrain>(roomId);
        var chat = fixture.Grains.GetGrain<IChatGrain>(roomId);
        var sprint = fixture.Grains.GetGrain<ISprintGrain>(roomId);
        await room.JoinAsync(Join(Owner, "conn_owner"));
        await room.JoinAsync(Join("u_bob", "conn_bob"));
        await board.PushOpsAsync(Push(Owner, "conn_owner", "e_kept"));
        await chat.PostAsync(Chat(Owner, "conn_owner"), Post(roomId, "before the archive"));
        var invite = await room.CreateInviteAsync(new CreateInviteCommand { ActorId = Owner });
        Assert.Contains(await fixture.Grains.GetGrain<IRoomDirectoryGrain>(0).SearchAsync(Name, 100), e => e.RoomId == roomId);

        var archived = await room.SetArchivedAsync(new SetArchivedCommand { ActorId = Owner, Archived = true });

        Assert.True(archived.Archived);
        Assert.True(Assert.Single(fixture.Broadcaster.For<RoomUpdated>(roomId)).Room.Archived);
        foreach (var (userId, connectionId) in new[] { (Owner, "conn_owner"), ("u_bob", "conn_bob") })
        {
            await AssertArchived(() => board.PushOpsAsync(Push(userId, connectionId, TestIds.Element())));
            await AssertArchived(() => chat.PostAsync(Chat(userId, connectionId), Post(roomId, "after")));
            await AssertArchived(() => chat.ReactAsync(Chat(userId, connectionId), new ReactToMessageRequest { RoomId = roomId, Seq = 1, Emoji = "👍" }));
            await AssertArchived(() => room.UpdateHelpQueueAsync(new HelpQueueCommand { Action = HelpQueueAction.Raise, ActorId = userId, ActorConnectionId = connectionId }));
            await AssertArchived(() => sprint.JoinAsync(Sprint(userId, connectionId), goal: null));
        }

        await AssertArchived(() => chat.EditAsync(Chat(Owner, "conn_owner"), new EditMessageRequest { RoomId = roomId, Seq = 1, Text = "changed" }));
        await AssertArchived(() => chat.DeleteAsync(Chat(Owner, "conn_owner"), new DeleteMessageRequest { RoomId = roomId, Seq = 1 }));
        await AssertArchived(() => sprint.StartAsync(Sprint(Owner, "conn_owner"), new StartSprintCommand { Preset = "25/5" }));
        await AssertArchived(() => board.ImportAsync(new ImportBoardCommand { UserId = Owner, Elements = [] }));
        await AssertArchived(() => room.CreateInviteAsync(new CreateInviteCommand { ActorId = Owner }));
        await AssertArchived(() => room.RotateInviteAsync(new InviteCommand { ActorId = Owner, Code = invite.Code }));
        await AssertArchived(() => room.AcceptInviteAsync(new InviteCommand { ActorId = "u_carol", Code = invite.Code }));
        await AssertArchived(() => room.ModerateAsync(new ModerationCommand { Kind = ModerationKind.SetReadOnly, ActorId = Owner, ActorConnectionId = "conn_owner", ReadOnly = true }));
        await AssertArchived(() => room.ModerateAsync(new ModerationCommand { Kind = ModerationKind.SetRole, ActorId = Owner, ActorConnectionId = "conn_owner", TargetUserId = "u_bob", Role = RoomRole.Mentor }));
        await AssertArchived(() => room.ModerateAsync(new ModerationCommand { Kind = ModerationKind.MuteChat, ActorId = Owner, ActorConnectionId = "conn_owner", TargetUserId = "u_bob" }));

        // Still open and readable: a join sees the board, the chat loads, and the owner may still remove people.
        var carol = await room.JoinAsync(Join("u_carol", "conn_carol"));
        Assert.True(carol.Room.Archived);
        Assert.Equal("e_kept", Assert.Single(carol.Board!.Elements).Id);
        Assert.Equal("before the archive", Assert.Single((await chat.LoadAsync(Chat("u_carol", "conn_carol"), new LoadMessagesRequest { RoomId = roomId })).Messages).Text);
        await room.ModerateAsync(new ModerationCommand { Kind = ModerationKind.Remove, ActorId = Owner, ActorConnectionId = "conn_owner", TargetUserId = "u_carol" });
        Assert.DoesNotContain(await fixture.Grains.GetGrain<IRoomDirectoryGrain>(0).SearchAsync(Name, 100), e => e.RoomId == roomId);

        // Stored: a reactivated room is still archived.
        await fixture.DeactivateAsync(room);
        Assert.True((await room.GetAsync())!.Archived);
    }

    [Fact]
    public async Task RestoringMakesTheRoomWritableAndListedAgain_P_LIFE_1()
    {
        var (roomId, room) = await NewRoomAsync(isPublic: true);
        var board = fixture.Grains.GetGrain<IBoardGrain>(roomId);
        await room.JoinAsync(Join(Owner, "conn_owner"));
        await room.SetArchivedAsync(new SetArchivedCommand { ActorId = Owner, Archived = true });

        var restored = await room.SetArchivedAsync(new SetArchivedCommand { ActorId = Owner, Archived = false });

        Assert.False(restored.Archived);
        await board.PushOpsAsync(Push(Owner, "conn_owner", TestIds.Element()));
        await room.CreateInviteAsync(new CreateInviteCommand { ActorId = Owner });
        Assert.Contains(await fixture.Grains.GetGrain<IRoomDirectoryGrain>(0).SearchAsync(Name, 100), e => e.RoomId == roomId);
    }

    [Fact]
    public async Task ArchivingIsRefusedWhileASprintRuns_P_LIFE_2()
    {
        var (roomId, room) = await NewRoomAsync();
        await room.JoinAsync(Join(Owner, "conn_owner"));
        await fixture.Grains.GetGrain<ISprintGrain>(roomId).StartAsync(Sprint(Owner, "conn_owner"), new StartSprintCommand { Preset = "25/5" });

        var refusal = await Assert.ThrowsAsync<StudyRoomsException>(() => room.SetArchivedAsync(new SetArchivedCommand { ActorId = Owner, Archived = true }));

        Assert.Equal(ErrorCodes.SprintRunning, refusal.Code);
        Assert.False((await room.GetAsync())!.Archived);
        await fixture.Grains.GetGrain<ISprintGrain>(roomId).ControlAsync(Sprint(Owner, "conn_owner"), new SprintControlCommand { Kind = SprintControlKind.Stop });
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("organic chemistry")]
    [InlineData("Organic")]
    public async Task DeletingNeedsTheRoomsNameTypedExactly_P_LIFE_3(string? typed)
    {
        var (_, room) = await NewRoomAsync();

        var refusal = await Assert.ThrowsAsync<StudyRoomsException>(() => room.DeleteAsync(new DeleteRoomCommand { ActorId = Owner, ConfirmName = typed }));

        Assert.Equal(ErrorCodes.InvalidRequest, refusal.Code);
        Assert.NotNull(await room.GetAsync());
    }

    [Fact]
    public async Task DeletingEvictsEveryoneAndLeavesNoRowOfTheRoom_P_LIFE_4()
    {
        var (roomId, room) = await FilledRoomAsync();
        var minutesBefore = (await fixture.Grains.GetGrain<IUserStatsGrain>("u_bob").GetStatsAsync("UTC")).TotalFocusMinutes;
        Assert.True(minutesBefore >= 25);

        await room.DeleteAsync(new DeleteRoomCommand { ActorId = Owner, ConfirmName = " " + Name + " " });

        var deleted = Assert.Single(fixture.Broadcaster.For<RoomDeleted>(roomId));
        Assert.Equal((roomId, Name), (deleted.RoomId, deleted.Name));
        Assert.Equal(["conn_bob", "conn_owner"], fixture.Broadcaster.RemovedFromGroup(roomId).Order(StringComparer.Ordinal));
        Assert.Empty(await RowsMentioningAsync(roomId));
        Assert.Null(await room.GetAsync());
        var minutesAfter = (await fixture.Grains.GetGrain<IUserStatsGrain>("u_bob").GetStatsAsync("UTC")).TotalFocusMinutes;
        Assert.Equal(minutesBefore, minutesAfter); // Bob's own stats keep the minutes, without the room's id
        Assert.Equal(ErrorCodes.RoomNotFound, (await Assert.ThrowsAsync<StudyRoomsException>(() => room.JoinAsync(Join("u_bob", "conn_bob_2")))).Code);
        Assert.DoesNotContain(await fixture.Grains.GetGrain<IRoomDirectoryGrain>(0).SearchAsync(Name, 100), e => e.RoomId == roomId);

        // The same id created again starts empty: no activation kept a copy of the old data.
        await room.CreateAsync(new CreateRoomCommand { Name = "Fresh", OwnerId = "u_other" });
        var joined = await room.JoinAsync(Join("u_other", "conn_other"));
        Assert.Empty(joined.Board!.Elements);
        Assert.Empty((await fixture.Grains.GetGrain<IChatGrain>(roomId).LoadAsync(Chat("u_other", "conn_other"), new LoadMessagesRequest { RoomId = roomId })).Messages);
        Assert.Equal(SprintStatus.None, (await fixture.Grains.GetGrain<ISprintGrain>(roomId).GetAsync()).Status);
        Assert.Empty((await fixture.Grains.GetGrain<IRoomLeaderboardGrain>(roomId).GetLeaderboardAsync(LeaderboardPeriod.All, 10)).Entries);
        Assert.Empty(await fixture.Grains.GetGrain<IBoardGrain>(roomId).ListHistoryAsync(new() { UserId = "u_other", ConnectionId = "conn_other" }).ContinueWith(t => t.Result.Entries));
    }

    [Fact]
    public async Task ADeletionThatFailsPartWayLeavesTheRoomGoneAndTheNextTryFinishesIt_P_LIFE_5()
    {
        var (roomId, room) = await FilledRoomAsync();

        await using (await fixture.HideTableAsync("chat_messages"))
        {
            await Assert.ThrowsAnyAsync<Exception>(() => room.DeleteAsync(new DeleteRoomCommand { ActorId = Owner, ConfirmName = Name }));

            Assert.Null(await room.GetAsync());
            Assert.Equal(ErrorCodes.RoomNotFound, (await Assert.ThrowsAsync<StudyRoomsException>(() => room.JoinAsync(Join("u_bob", "conn_bob_2")))).Code);
            Assert.Equal(ErrorCodes.RoomNotFound, (await Assert.ThrowsAsync<StudyRoomsException>(() => room.DeleteAsync(new DeleteRoomCommand { ActorId = "u_bob", ConfirmName = Name }))).Code);
            Assert.Single(fixture.Broadcaster.For<RoomDeleted>(roomId));
        }

        Assert.NotEmpty(await RowsMentioningAsync(roomId)); // the room's record, chat and more are still there
        await room.DeleteAsync(new DeleteRoomCommand { ActorId = Owner, ConfirmName = Name });

        Assert.Empty(await RowsMentioningAsync(roomId));
        Assert.Single(fixture.Broadcaster.For<RoomDeleted>(roomId));
    }

    /// <summary>A room with an owner and a member present, board edits and history, chat with a thread and read positions, a sprint, an invite, a raised hand and a leaderboard.</summary>
    private async Task<(string RoomId, IRoomGrain Room)> FilledRoomAsync()
    {
        var (roomId, room) = await NewRoomAsync(isPublic: true);
        var board = fixture.Grains.GetGrain<IBoardGrain>(roomId);
        var chat = fixture.Grains.GetGrain<IChatGrain>(roomId);
        await room.JoinAsync(Join(Owner, "conn_owner"));
        await room.JoinAsync(Join("u_bob", "conn_bob"));
        for (var i = 0; i < 5; i++)
        {
            await board.PushOpsAsync(Push("u_bob", "conn_bob", TestIds.Element()));
        }

        await board.SaveHistorySnapshotAsync("before the exam");
        var root = await chat.PostAsync(Chat(Owner, "conn_owner"), Post(roomId, "welcome"));
        await chat.PostAsync(Chat("u_bob", "conn_bob"), Post(roomId, "thanks") with { ThreadRootSeq = root.Seq });
        await chat.MarkReadAsync(Chat("u_bob", "conn_bob"), new MarkReadRequest { RoomId = roomId, Seq = root.Seq + 1 });
        await fixture.Grains.GetGrain<ISprintGrain>(roomId).StartAsync(Sprint(Owner, "conn_owner"), new StartSprintCommand { Preset = "25/5" });
        await room.CreateInviteAsync(new CreateInviteCommand { ActorId = Owner, Role = RoomRole.Viewer });
        await room.UpdateHelpQueueAsync(new HelpQueueCommand { Action = HelpQueueAction.Raise, ActorId = "u_bob", ActorConnectionId = "conn_bob" });
        var now = DateTimeOffset.UtcNow;
        var credit = new FocusCredit
        {
            UserId = "u_bob", DisplayName = "bob", RoomId = roomId, SprintId = "s1", BlockIndex = 0,
            BlockStartedAt = now.AddMinutes(-25), BlockEndedAt = now, Credited = TimeSpan.FromMinutes(25),
        };
        await fixture.Grains.GetGrain<IRoomLeaderboardGrain>(roomId).RecordFocusAsync(credit);
        await fixture.Grains.GetGrain<IUserStatsGrain>("u_bob").RecordFocusAsync(credit);
        Assert.NotEmpty(await RowsMentioningAsync(roomId));
        return (roomId, room);
    }

    /// <summary>Every row of the silo's SQLite file that mentions the text (<see cref="StudyRooms.Testing.StoredData"/>).</summary>
    private Task<IReadOnlyList<string>> RowsMentioningAsync(string text) =>
        StudyRooms.Testing.StoredData.SqliteRowsMentioningAsync(Path.Combine(fixture.DataDirectory, "studyrooms.db"), text);

    private static async Task AssertArchived(Func<Task> act) =>
        Assert.Equal(ErrorCodes.RoomArchived, (await Assert.ThrowsAsync<StudyRoomsException>(act)).Code);

    private static JoinRoomCommand Join(string userId, string connectionId) =>
        new() { UserId = userId, DisplayName = userId[2..], ConnectionId = connectionId };

    private static ChatActor Chat(string userId, string connectionId) => new() { UserId = userId, DisplayName = userId[2..], ConnectionId = connectionId };

    private static SprintActor Sprint(string userId, string connectionId) => new() { UserId = userId, DisplayName = userId[2..], ConnectionId = connectionId };

    private static PostMessageRequest Post(string roomId, string text) => new() { RoomId = roomId, ClientMessageId = "m_" + TestIds.Client(), Text = text };

    private static PushOpsCommand Push(string userId, string connectionId, string elementId) => new()
    {
        UserId = userId,
        ClientId = TestIds.Client(),
        ConnectionId = connectionId,
        Ops = [Ops.Create(1, elementId)],
    };

    private async Task<(string RoomId, IRoomGrain Room)> NewRoomAsync(bool isPublic = false)
    {
        var roomId = TestIds.Room();
        var room = fixture.Grains.GetGrain<IRoomGrain>(roomId);
        await room.CreateAsync(new CreateRoomCommand { Name = Name, OwnerId = Owner, IsPublic = isPublic });
        return (roomId, room);
    }
}
