using StudyRooms.Contracts.Boards;
using StudyRooms.Contracts.Protocol;
using StudyRooms.Contracts.Rooms;
using StudyRooms.Grains.Boards;
using StudyRooms.Grains.Tests.Cluster;
using StudyRooms.Grains.Tests.Support;

namespace StudyRooms.Grains.Tests.Rooms;

// Proves on a real silo with SQLite that the room grain owns roles, removals, bans, the read-only
// switch and capacity, stores them, and makes the board refuse whoever may not edit
// (P-ROLE-1, P-ROLE-2, P-MOD-1..6, P-ROOM-3, P-ROOM-4).
[Collection(ClusterCollection.Name)]
public sealed class RoomModerationTests(ClusterFixture fixture)
{
    private const string Owner = "u_owner";

    [Fact]
    public async Task CreateStoresDescriptionTagsVisibilityAndCapacity_P_ROOM_3_P_ROOM_4()
    {
        var room = fixture.Grains.GetGrain<IRoomGrain>(TestIds.Room());

        var created = await room.CreateAsync(new CreateRoomCommand
        {
            Name = "Algebra",
            OwnerId = Owner,
            Description = " Weekly group\r\nBring notes ",
            IsPublic = true,
            Capacity = 12,
            Tags = [" Math ", "math", "Exams"],
        });
        await fixture.DeactivateAsync(room);

        var reloaded = (await room.GetAsync())!;
        Assert.Equal(created with { Tags = [] }, reloaded with { Tags = [] }); // records compare arrays by reference
        Assert.Equal(created.Tags, reloaded.Tags);
        Assert.Equal(("Weekly group\nBring notes", true, 12, Owner, false), (created.Description, created.IsPublic, created.Capacity, created.OwnerId, created.ReadOnly));
        Assert.Equal(["math", "exams"], created.Tags);
    }

    [Theory]
    [InlineData(0, "capacity must be 1–500")]
    [InlineData(501, "capacity must be 1–500")]
    public async Task BadCapacityFailsWithInvalidRoom_P_ROOM_4(int capacity, string reason)
    {
        var room = fixture.Grains.GetGrain<IRoomGrain>(TestIds.Room());

        var refusal = await Assert.ThrowsAsync<StudyRoomsException>(() => room.CreateAsync(new CreateRoomCommand { Name = "X", OwnerId = Owner, Capacity = capacity }));

        Assert.Equal((ErrorCodes.InvalidRoom, reason), (refusal.Code, refusal.Reason));
    }

    [Fact]
    public async Task TheCreatorIsOwnerAndOthersJoinAsMembers_P_ROLE_1()
    {
        var (_, room) = await NewRoomAsync();

        var owner = await room.JoinAsync(Join(Owner, "conn_owner"));
        var bob = await room.JoinAsync(Join("u_bob", "conn_bob"));

        Assert.Equal(RoomRole.Owner, owner.Self.Role);
        Assert.Equal(RoomRole.Member, bob.Self.Role);
    }

    [Fact]
    public async Task TheOwnerPromotesAndDemotesAndRolesAreStored_P_ROLE_2()
    {
        var (roomId, room) = await NewRoomAsync();
        await room.JoinAsync(Join(Owner, "conn_owner"));
        await room.JoinAsync(Join("u_bob", "conn_bob"));

        await room.ModerateAsync(Act(ModerationKind.SetRole, Owner, "conn_owner", "u_bob", RoomRole.Mentor));

        var changed = Assert.Single(await fixture.Broadcaster.WaitForAsync<RoleChanged>(roomId));
        Assert.Equal(new RoleChanged { RoomId = roomId, UserId = "u_bob", Role = RoomRole.Mentor }, changed);
        await room.LeaveAsync(new LeaveRoomCommand { UserId = "u_bob", ConnectionId = "conn_bob" });
        await room.LeaveAsync(new LeaveRoomCommand { UserId = Owner, ConnectionId = "conn_owner" });
        await fixture.DeactivateAsync(room);
        Assert.Equal(RoomRole.Mentor, (await room.JoinAsync(Join("u_bob", "conn_bob_2"))).Self.Role);

        await room.JoinAsync(Join(Owner, "conn_owner_2"));
        await room.ModerateAsync(Act(ModerationKind.SetRole, Owner, "conn_owner_2", "u_bob", RoomRole.Viewer));
        var joined = await room.JoinAsync(Join("u_carol", "conn_carol"));
        Assert.Equal(RoomRole.Viewer, joined.Participants.Single(p => p.UserId == "u_bob").Role);
    }

    [Theory]
    [InlineData(RoomRole.Mentor)]
    [InlineData(RoomRole.Member)]
    [InlineData(RoomRole.Viewer)]
    public async Task OnlyTheOwnerChangesRoles_P_ROLE_2(RoomRole actorRole)
    {
        var (_, room) = await NewRoomAsync();
        await room.JoinAsync(Join(Owner, "conn_owner"));
        await room.ModerateAsync(Act(ModerationKind.SetRole, Owner, "conn_owner", "u_actor", actorRole));
        await room.JoinAsync(Join("u_actor", "conn_actor"));

        var refusal = await Assert.ThrowsAsync<StudyRoomsException>(() => room.ModerateAsync(Act(ModerationKind.SetRole, "u_actor", "conn_actor", "u_other", RoomRole.Mentor)));

        Assert.Equal(ErrorCodes.Forbidden, refusal.Code);
    }

    [Theory]
    [InlineData(RoomRole.Owner, "role must be viewer, member or mentor")]
    public async Task OwnershipCannotBeGivenOrTakenByRoleChange_P_ROLE_2(RoomRole role, string reason)
    {
        var (_, room) = await NewRoomAsync();
        await room.JoinAsync(Join(Owner, "conn_owner"));

        var give = await Assert.ThrowsAsync<StudyRoomsException>(() => room.ModerateAsync(Act(ModerationKind.SetRole, Owner, "conn_owner", "u_bob", role)));
        var take = await Assert.ThrowsAsync<StudyRoomsException>(() => room.ModerateAsync(Act(ModerationKind.SetRole, Owner, "conn_owner", Owner, RoomRole.Viewer)));

        Assert.Equal((ErrorCodes.InvalidRequest, reason), (give.Code, give.Reason));
        Assert.Equal((ErrorCodes.InvalidRequest, "the owner's role cannot be changed"), (take.Code, take.Reason));
    }

    [Fact]
    public async Task AViewerCannotEditTheBoardAndAMemberCan_P_MOD_6()
    {
        var (roomId, room) = await NewRoomAsync();
        await room.JoinAsync(Join(Owner, "conn_owner"));
        await room.ModerateAsync(Act(ModerationKind.SetRole, Owner, "conn_owner", "u_viewer", RoomRole.Viewer));
        await room.JoinAsync(Join("u_viewer", "conn_viewer"));
        await room.JoinAsync(Join("u_member", "conn_member"));
        var board = fixture.Grains.GetGrain<IBoardGrain>(roomId);

        var refusal = await Assert.ThrowsAsync<StudyRoomsException>(() => board.PushOpsAsync(Push("u_viewer", "conn_viewer")));
        var accepted = await board.PushOpsAsync(Push("u_member", "conn_member"));

        Assert.Equal((ErrorCodes.Forbidden, "viewers cannot edit the board"), (refusal.Code, refusal.Reason));
        Assert.Equal(1, accepted.Clock);
    }

    [Fact]
    public async Task TheBoardAsksTheRoomWhoMayEditAfterItWasDeactivated_P_MOD_6()
    {
        var (roomId, room) = await NewRoomAsync();
        await room.JoinAsync(Join(Owner, "conn_owner"));
        await room.ModerateAsync(Act(ModerationKind.SetRole, Owner, "conn_owner", "u_viewer", RoomRole.Viewer));
        await room.JoinAsync(Join("u_viewer", "conn_viewer"));
        var board = fixture.Grains.GetGrain<IBoardGrain>(roomId);
        await fixture.DeactivateAsync(board);

        var refusal = await Assert.ThrowsAsync<StudyRoomsException>(() => board.PushOpsAsync(Push("u_viewer", "conn_viewer")));
        var stranger = await Assert.ThrowsAsync<StudyRoomsException>(() => board.PushOpsAsync(Push("u_stranger", "conn_stranger")));

        Assert.Equal(ErrorCodes.Forbidden, refusal.Code);
        Assert.Equal(ErrorCodes.NotInRoom, stranger.Code);
        Assert.Equal(0, (await board.GetSnapshotAsync()).Clock);
    }

    [Fact]
    public async Task AReadOnlyRoomTakesEditsOnlyFromTheOwnerAndMentors_P_MOD_5()
    {
        var (roomId, room) = await NewRoomAsync();
        await room.JoinAsync(Join(Owner, "conn_owner"));
        await room.ModerateAsync(Act(ModerationKind.SetRole, Owner, "conn_owner", "u_mentor", RoomRole.Mentor));
        await room.JoinAsync(Join("u_mentor", "conn_mentor"));
        await room.JoinAsync(Join("u_member", "conn_member"));
        var board = fixture.Grains.GetGrain<IBoardGrain>(roomId);

        await room.ModerateAsync(Act(ModerationKind.SetReadOnly, "u_mentor", "conn_mentor", readOnly: true));

        var updated = Assert.Single(await fixture.Broadcaster.WaitForAsync<RoomUpdated>(roomId));
        Assert.True(updated.Room.ReadOnly);
        var refusal = await Assert.ThrowsAsync<StudyRoomsException>(() => board.PushOpsAsync(Push("u_member", "conn_member")));
        Assert.Equal(ErrorCodes.Forbidden, refusal.Code);
        Assert.Equal(1, (await board.PushOpsAsync(Push("u_mentor", "conn_mentor"))).Clock);
        Assert.Equal(2, (await board.PushOpsAsync(Push(Owner, "conn_owner"))).Clock);

        await room.ModerateAsync(Act(ModerationKind.SetReadOnly, Owner, "conn_owner", readOnly: false));
        Assert.Equal(3, (await board.PushOpsAsync(Push("u_member", "conn_member"))).Clock);
    }

    [Fact]
    public async Task AMemberCannotModerate_P_MOD_1_P_MOD_5()
    {
        var (_, room) = await NewRoomAsync();
        await room.JoinAsync(Join("u_member", "conn_member"));
        await room.JoinAsync(Join("u_other", "conn_other"));

        var remove = await Assert.ThrowsAsync<StudyRoomsException>(() => room.ModerateAsync(Act(ModerationKind.Remove, "u_member", "conn_member", "u_other")));
        var readOnly = await Assert.ThrowsAsync<StudyRoomsException>(() => room.ModerateAsync(Act(ModerationKind.SetReadOnly, "u_member", "conn_member", readOnly: true)));

        Assert.Equal([ErrorCodes.Forbidden, ErrorCodes.Forbidden], new[] { remove.Code, readOnly.Code });
    }

    [Fact]
    public async Task RemovingAUserTellsTheRoomDropsTheirConnectionsAndTheirEdits_P_MOD_1()
    {
        var (roomId, room) = await NewRoomAsync();
        await room.JoinAsync(Join(Owner, "conn_owner"));
        await room.JoinAsync(Join("u_bob", "conn_bob_1"));
        await room.JoinAsync(Join("u_bob", "conn_bob_2"));

        await room.ModerateAsync(Act(ModerationKind.Remove, Owner, "conn_owner", "u_bob"));

        var removed = Assert.Single(fixture.Broadcaster.For<ParticipantRemoved>(roomId));
        Assert.Equal(new ParticipantRemoved { RoomId = roomId, UserId = "u_bob", ByUserId = Owner, Banned = false }, removed);
        Assert.Equal(["conn_bob_1", "conn_bob_2"], fixture.Broadcaster.RemovedFromGroup(roomId).Order(StringComparer.Ordinal));
        Assert.Equal("u_bob", Assert.Single(fixture.Broadcaster.For<ParticipantLeft>(roomId)).UserId);
        var refusal = await Assert.ThrowsAsync<StudyRoomsException>(() => fixture.Grains.GetGrain<IBoardGrain>(roomId).PushOpsAsync(Push("u_bob", "conn_bob_1")));
        Assert.Equal(ErrorCodes.NotInRoom, refusal.Code);

        // Removed is not banned: Bob may come back.
        Assert.Equal(RoomRole.Member, (await room.JoinAsync(Join("u_bob", "conn_bob_3"))).Self.Role);
    }

    [Fact]
    public async Task ABannedUserCannotRejoinUntilUnbannedEvenAfterARestart_P_MOD_2_P_MOD_3()
    {
        var (roomId, room) = await NewRoomAsync();
        await room.JoinAsync(Join(Owner, "conn_owner"));
        await room.JoinAsync(Join("u_bob", "conn_bob"));

        await room.ModerateAsync(Act(ModerationKind.Ban, Owner, "conn_owner", "u_bob"));
        await room.ModerateAsync(Act(ModerationKind.Ban, Owner, "conn_owner", "u_absent"));

        Assert.True(Assert.Single(fixture.Broadcaster.For<ParticipantRemoved>(roomId)).Banned);
        await room.LeaveAsync(new LeaveRoomCommand { UserId = Owner, ConnectionId = "conn_owner" });
        await fixture.DeactivateAsync(room);
        foreach (var user in new[] { "u_bob", "u_absent" })
        {
            var refusal = await Assert.ThrowsAsync<StudyRoomsException>(() => room.JoinAsync(Join(user, "conn_" + user)));
            Assert.Equal((ErrorCodes.Banned, "you were banned from this room"), (refusal.Code, refusal.Reason));
        }

        await room.JoinAsync(Join(Owner, "conn_owner_2"));
        await room.ModerateAsync(Act(ModerationKind.Unban, Owner, "conn_owner_2", "u_bob"));
        Assert.Equal("u_bob", (await room.JoinAsync(Join("u_bob", "conn_bob_2"))).Self.UserId);
    }

    [Fact]
    public async Task ModeratorsListBansWithTheNameTheUserHadNewestFirst_P_MOD_9()
    {
        var (_, room) = await NewRoomAsync();
        await room.JoinAsync(Join(Owner, "conn_owner"));
        await room.JoinAsync(Join("u_bob", "conn_bob"));
        await room.JoinAsync(Join("u_cleo", "conn_cleo"));
        await room.JoinAsync(Join("u_mia", "conn_mia"));
        await room.ModerateAsync(Act(ModerationKind.SetRole, Owner, "conn_owner", "u_mia", RoomRole.Mentor));

        await room.ModerateAsync(Act(ModerationKind.Ban, Owner, "conn_owner", "u_bob"));
        await room.ModerateAsync(Act(ModerationKind.Ban, "u_mia", "conn_mia", "u_absent"));
        await fixture.DeactivateAsync(room); // names and times are stored, not only held in memory
        await room.JoinAsync(Join(Owner, "conn_owner_2"));
        await room.JoinAsync(Join("u_mia", "conn_mia_2"));

        var bans = await room.ListBansAsync("u_mia", "conn_mia_2");
        Assert.Equal([("u_absent", ""), ("u_bob", "bob")], bans.Select(b => (b.UserId, b.DisplayName)));
        Assert.True(bans[0].BannedAt >= bans[1].BannedAt);
        Assert.All(bans, b => Assert.NotNull(b.BannedAt));

        await room.ModerateAsync(Act(ModerationKind.Unban, Owner, "conn_owner_2", "u_bob"));
        Assert.Equal(["u_absent"], (await room.ListBansAsync(Owner, "conn_owner_2")).Select(b => b.UserId));
        await fixture.DeactivateAsync(room);
        await room.JoinAsync(Join(Owner, "conn_owner_3"));
        Assert.Equal(["u_absent"], (await room.ListBansAsync(Owner, "conn_owner_3")).Select(b => b.UserId));
    }

    [Fact]
    public async Task OnlyModeratorsInTheRoomListBans_P_MOD_9_P_MOD_4()
    {
        var (_, room) = await NewRoomAsync();
        await room.JoinAsync(Join(Owner, "conn_owner"));
        await room.JoinAsync(Join("u_bob", "conn_bob"));
        await room.ModerateAsync(Act(ModerationKind.Ban, Owner, "conn_owner", "u_troll"));

        var member = await Assert.ThrowsAsync<StudyRoomsException>(() => room.ListBansAsync("u_bob", "conn_bob"));
        var stranger = await Assert.ThrowsAsync<StudyRoomsException>(() => room.ListBansAsync(Owner, "conn_not_joined"));

        Assert.Equal(ErrorCodes.Forbidden, member.Code);
        Assert.Equal(ErrorCodes.NotInRoom, stranger.Code);
    }

    [Theory]
    [InlineData(RoomRole.Mentor, Owner)]
    [InlineData(RoomRole.Mentor, "u_mentor_2")]
    public async Task AModeratorRemovesOnlyLowerRoles_P_MOD_1(RoomRole actorRole, string target)
    {
        var (_, room) = await NewRoomAsync();
        await room.JoinAsync(Join(Owner, "conn_owner"));
        await room.ModerateAsync(Act(ModerationKind.SetRole, Owner, "conn_owner", "u_actor", actorRole));
        await room.ModerateAsync(Act(ModerationKind.SetRole, Owner, "conn_owner", "u_mentor_2", RoomRole.Mentor));
        await room.JoinAsync(Join("u_actor", "conn_actor"));
        await room.JoinAsync(Join("u_mentor_2", "conn_mentor_2"));

        var remove = await Assert.ThrowsAsync<StudyRoomsException>(() => room.ModerateAsync(Act(ModerationKind.Remove, "u_actor", "conn_actor", target)));
        var ban = await Assert.ThrowsAsync<StudyRoomsException>(() => room.ModerateAsync(Act(ModerationKind.Ban, "u_actor", "conn_actor", target)));

        Assert.Equal([ErrorCodes.Forbidden, ErrorCodes.Forbidden], new[] { remove.Code, ban.Code });
    }

    [Fact]
    public async Task AConnectionThatIsNotInTheRoomModeratesNothing_P_MOD_4()
    {
        var (_, room) = await NewRoomAsync();
        await room.JoinAsync(Join("u_bob", "conn_bob"));

        var refusal = await Assert.ThrowsAsync<StudyRoomsException>(() => room.ModerateAsync(Act(ModerationKind.Remove, Owner, "conn_owner_gone", "u_bob")));

        Assert.Equal(ErrorCodes.NotInRoom, refusal.Code);
    }

    [Fact]
    public async Task AFullRoomRefusesNewUsersWithRoomFullButNotNewTabsOrModerators_P_ROOM_4()
    {
        var room = fixture.Grains.GetGrain<IRoomGrain>(TestIds.Room());
        await room.CreateAsync(new CreateRoomCommand { Name = "Small", OwnerId = Owner, Capacity = 2 });
        await room.JoinAsync(Join("u_ada", "conn_ada"));
        await room.JoinAsync(Join("u_bob", "conn_bob"));

        var refusal = await Assert.ThrowsAsync<StudyRoomsException>(() => room.JoinAsync(Join("u_carol", "conn_carol")));
        var secondTab = await room.JoinAsync(Join("u_bob", "conn_bob_2"));
        var owner = await room.JoinAsync(Join(Owner, "conn_owner"));

        Assert.Equal((ErrorCodes.RoomFull, "the room is full (2 people)"), (refusal.Code, refusal.Reason));
        Assert.Equal(2, secondTab.Participants.Length);
        Assert.Equal(3, owner.Participants.Length);
    }

    [Fact]
    public async Task AFullRoomThatAllowsOverflowSeatsNewcomersAsViewersUntilTheOwnerGivesThemARole_P_ROOM_5()
    {
        var roomId = TestIds.Room();
        var room = fixture.Grains.GetGrain<IRoomGrain>(roomId);
        var board = fixture.Grains.GetGrain<IBoardGrain>(roomId);
        var created = await room.CreateAsync(new CreateRoomCommand { Name = "Lecture", OwnerId = Owner, Capacity = 2, OverflowAsViewers = true });
        await room.JoinAsync(Join(Owner, "conn_owner"));
        await room.JoinAsync(Join("u_ada", "conn_ada"));

        var carol = await room.JoinAsync(Join("u_carol", "conn_carol"));
        var viewerPush = await Assert.ThrowsAsync<StudyRoomsException>(() => board.PushOpsAsync(Push("u_carol", "conn_carol")));
        await room.ModerateAsync(Act(ModerationKind.SetRole, Owner, "conn_owner", "u_carol", RoomRole.Member));
        await board.PushOpsAsync(Push("u_carol", "conn_carol"));
        await room.LeaveAsync(new LeaveRoomCommand { UserId = "u_ada", ConnectionId = "conn_ada" });
        var ada = await room.JoinAsync(Join("u_ada", "conn_ada_2"));

        Assert.True(created.OverflowAsViewers);
        Assert.Equal(RoomRole.Viewer, carol.Self.Role);
        Assert.Equal(ErrorCodes.Forbidden, viewerPush.Code);
        Assert.Equal(RoomRole.Viewer, ada.Self.Role); // the room is full again, so Ada is now the one seated as a viewer
        Assert.Equal(RoomRole.Member, (await room.JoinAsync(Join("u_carol", "conn_carol_2"))).Self.Role);
    }

    [Fact]
    public async Task ALecturesOverflowViewersStayOutOfTheCursorAudienceAboveTheThreshold_P_ROOM_5_P_LIVE_4()
    {
        // Seated as viewers past the capacity, they are members by role: the audience must follow the
        // seat, or every watcher of a lecture receives every drawer's cursor.
        var roomId = TestIds.Room();
        var room = fixture.Grains.GetGrain<IRoomGrain>(roomId);
        await room.CreateAsync(new CreateRoomCommand { Name = "Lecture", OwnerId = Owner, Capacity = 2, OverflowAsViewers = true });
        await room.JoinAsync(Join(Owner, "conn_owner"));
        await room.JoinAsync(Join("u_ada", "conn_ada"));
        var threshold = BoardSettings.Default.CursorsToViewersMaxParticipants;
        for (var i = 0; i < threshold; i++)
        {
            Assert.Equal(RoomRole.Viewer, (await room.JoinAsync(Join($"u_watcher{i}", $"conn_watcher{i}"))).Self.Role);
        }

        Assert.Equal(["conn_ada", "conn_owner"], fixture.Broadcaster.CursorAudience(roomId).Order(StringComparer.Ordinal));
    }

    private static JoinRoomCommand Join(string userId, string connectionId) =>
        new() { UserId = userId, DisplayName = userId[2..], ConnectionId = connectionId };

    private static ModerationCommand Act(ModerationKind kind, string actorId, string actorConnectionId, string? target = null, RoomRole role = RoomRole.Member, bool readOnly = false) =>
        new() { Kind = kind, ActorId = actorId, ActorConnectionId = actorConnectionId, TargetUserId = target, Role = role, ReadOnly = readOnly };

    private static PushOpsCommand Push(string userId, string connectionId) => new()
    {
        UserId = userId,
        ClientId = TestIds.Client(),
        ConnectionId = connectionId,
        Ops = [Ops.Create(1, TestIds.Element())],
    };

    private async Task<(string RoomId, IRoomGrain Room)> NewRoomAsync()
    {
        var roomId = TestIds.Room();
        var room = fixture.Grains.GetGrain<IRoomGrain>(roomId);
        await room.CreateAsync(new CreateRoomCommand { Name = "Study group", OwnerId = Owner });
        return (roomId, room);
    }
}
