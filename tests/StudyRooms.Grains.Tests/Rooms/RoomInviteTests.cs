using StudyRooms.Contracts.Invites;
using StudyRooms.Contracts.Protocol;
using StudyRooms.Contracts.Rooms;
using StudyRooms.Grains.Rooms;
using StudyRooms.Grains.Tests.Cluster;
using StudyRooms.Grains.Tests.Support;

namespace StudyRooms.Grains.Tests.Rooms;

// Proves on a real silo that invite links carry 128 random bits, give their role, respect use
// limits, stop at once when revoked or rotated, never beat a ban, and that an invite-only room
// answers non-members exactly like a room that does not exist (P-INV-1..4).
[Collection(ClusterCollection.Name)]
public sealed class RoomInviteTests(ClusterFixture fixture)
{
    private const string Owner = "u_owner";

    [Fact]
    public async Task AnInviteCodeIsTheRoomIdAnd128RandomBits_P_INV_1()
    {
        var (roomId, room) = await NewRoomAsync();

        var first = await room.CreateInviteAsync(new CreateInviteCommand { ActorId = Owner, Role = RoomRole.Viewer, MaxUses = 3, ExpiresInMinutes = 60 });
        var second = await room.CreateInviteAsync(new CreateInviteCommand { ActorId = Owner });

        Assert.Equal(RoomInvites.CodeLength, first.Code.Length);
        Assert.StartsWith(roomId, first.Code, StringComparison.Ordinal);
        Assert.NotEqual(first.Code[22..], second.Code[22..]);
        Assert.Equal($"/i/{first.Code}", first.Link);
        Assert.Equal((RoomRole.Viewer, 3, 0), (first.Role, first.MaxUses, first.Uses));
        Assert.NotNull(first.ExpiresAt);
        Assert.Equal([first.Code, second.Code], (await room.ListInvitesAsync(Owner)).Select(i => i.Code));
    }

    [Fact]
    public async Task OnlyTheOwnerManagesInvites_P_INV_1()
    {
        var (_, room) = await NewRoomAsync();
        var invite = await room.CreateInviteAsync(new CreateInviteCommand { ActorId = Owner });

        var create = await Assert.ThrowsAsync<StudyRoomsException>(() => room.CreateInviteAsync(new CreateInviteCommand { ActorId = "u_member" }));
        var list = await Assert.ThrowsAsync<StudyRoomsException>(() => room.ListInvitesAsync("u_member"));
        var revoke = await Assert.ThrowsAsync<StudyRoomsException>(() => room.RevokeInviteAsync(new InviteCommand { ActorId = "u_member", Code = invite.Code }));

        Assert.All(new[] { create, list, revoke }, e => Assert.Equal(ErrorCodes.Forbidden, e.Code));
    }

    [Theory]
    [InlineData(RoomRole.Mentor, null, null)]
    [InlineData(RoomRole.Member, 0, null)]
    [InlineData(RoomRole.Member, null, 0)]
    public async Task BadInviteSettingsAreRefused_P_INV_1(RoomRole role, int? expiresInMinutes, int? maxUses)
    {
        var (_, room) = await NewRoomAsync();

        var refusal = await Assert.ThrowsAsync<StudyRoomsException>(() => room.CreateInviteAsync(new CreateInviteCommand { ActorId = Owner, Role = role, ExpiresInMinutes = expiresInMinutes, MaxUses = maxUses }));

        Assert.Equal(ErrorCodes.InvalidRequest, refusal.Code);
    }

    [Fact]
    public async Task AcceptingGivesTheInviteRoleAndOpensAnInviteOnlyRoom_P_INV_2_P_INV_4()
    {
        var (_, room) = await NewRoomAsync(inviteOnly: true);
        var invite = await room.CreateInviteAsync(new CreateInviteCommand { ActorId = Owner, Role = RoomRole.Viewer });

        var before = await Assert.ThrowsAsync<StudyRoomsException>(() => room.JoinAsync(Join("u_vic")));
        Assert.Equal((ErrorCodes.RoomNotFound, "no room has this id"), (before.Code, before.Reason));
        Assert.Null(await room.GetForAsync("u_vic"));

        var accepted = await room.AcceptInviteAsync(new InviteCommand { ActorId = "u_vic", Code = invite.Code });

        Assert.Equal(RoomRole.Viewer, accepted.Role);
        Assert.Equal(RoomRole.Viewer, (await room.JoinAsync(Join("u_vic"))).Self.Role);
        Assert.NotNull(await room.GetForAsync("u_vic"));
        Assert.Equal(1, Assert.Single(await room.ListInvitesAsync(Owner)).Uses);
    }

    [Fact]
    public async Task AnInviteNeverLowersARole_P_INV_2()
    {
        var (_, room) = await NewRoomAsync();
        var viewerInvite = await room.CreateInviteAsync(new CreateInviteCommand { ActorId = Owner, Role = RoomRole.Viewer });

        var owner = await room.AcceptInviteAsync(new InviteCommand { ActorId = Owner, Code = viewerInvite.Code });

        Assert.Equal(RoomRole.Owner, owner.Role);
    }

    [Fact]
    public async Task AnInviteIsUsedUpAfterItsMaxUses_P_INV_2()
    {
        var (_, room) = await NewRoomAsync(inviteOnly: true);
        var invite = await room.CreateInviteAsync(new CreateInviteCommand { ActorId = Owner, MaxUses = 1 });
        await room.AcceptInviteAsync(new InviteCommand { ActorId = "u_first", Code = invite.Code });

        var refusal = await Assert.ThrowsAsync<StudyRoomsException>(() => room.AcceptInviteAsync(new InviteCommand { ActorId = "u_second", Code = invite.Code }));

        Assert.Equal(ErrorCodes.InviteInvalid, refusal.Code);
        Assert.Empty(await room.ListInvitesAsync(Owner));
    }

    [Fact]
    public async Task RevokedAndRotatedCodesStopAtOnceAndStayStoppedAfterARestart_P_INV_3()
    {
        var (_, room) = await NewRoomAsync(inviteOnly: true);
        var revoked = await room.CreateInviteAsync(new CreateInviteCommand { ActorId = Owner });
        var rotated = await room.CreateInviteAsync(new CreateInviteCommand { ActorId = Owner, Role = RoomRole.Viewer });

        await room.RevokeInviteAsync(new InviteCommand { ActorId = Owner, Code = revoked.Code });
        var fresh = await room.RotateInviteAsync(new InviteCommand { ActorId = Owner, Code = rotated.Code });
        await fixture.DeactivateAsync(room);

        foreach (var code in new[] { revoked.Code, rotated.Code, revoked.Code[..22] + new string('A', 22) })
        {
            var refusal = await Assert.ThrowsAsync<StudyRoomsException>(() => room.AcceptInviteAsync(new InviteCommand { ActorId = "u_late", Code = code }));
            Assert.Equal(ErrorCodes.InviteInvalid, refusal.Code);
        }

        Assert.Equal(RoomRole.Viewer, fresh.Role);
        Assert.Equal(RoomRole.Viewer, (await room.AcceptInviteAsync(new InviteCommand { ActorId = "u_late", Code = fresh.Code })).Role);
        Assert.Equal([fresh.Code], (await room.ListInvitesAsync(Owner)).Select(i => i.Code));
    }

    [Fact]
    public async Task ABannedUserCannotComeBackByInvite_P_MOD_2_P_INV_2()
    {
        var (_, room) = await NewRoomAsync();
        var invite = await room.CreateInviteAsync(new CreateInviteCommand { ActorId = Owner });
        await room.JoinAsync(Join(Owner));
        await room.ModerateAsync(new ModerationCommand { Kind = ModerationKind.Ban, ActorId = Owner, ActorConnectionId = "conn_" + Owner, TargetUserId = "u_troll" });

        var refusal = await Assert.ThrowsAsync<StudyRoomsException>(() => room.AcceptInviteAsync(new InviteCommand { ActorId = "u_troll", Code = invite.Code }));

        Assert.Equal(ErrorCodes.Banned, refusal.Code);
    }

    private static JoinRoomCommand Join(string userId) =>
        new() { UserId = userId, DisplayName = userId[2..], ConnectionId = "conn_" + userId };

    private async Task<(string RoomId, IRoomGrain Room)> NewRoomAsync(bool inviteOnly = false)
    {
        var roomId = TestIds.Room();
        var room = fixture.Grains.GetGrain<IRoomGrain>(roomId);
        await room.CreateAsync(new CreateRoomCommand { Name = "Invites", OwnerId = Owner, InviteOnly = inviteOnly });
        return (roomId, room);
    }
}
