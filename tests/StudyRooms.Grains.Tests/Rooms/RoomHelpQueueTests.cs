using StudyRooms.Contracts.Help;
using StudyRooms.Contracts.Protocol;
using StudyRooms.Contracts.Rooms;
using StudyRooms.Grains.Tests.Cluster;
using StudyRooms.Grains.Tests.Support;

namespace StudyRooms.Grains.Tests.Rooms;

// The raise-hand queue on a real silo: who may raise, take and resolve, the announcements, and hands
// going down when their user leaves or is removed (P-HAND-1..4).
[Collection(ClusterCollection.Name)]
public sealed class RoomHelpQueueTests(ClusterFixture fixture)
{
    private const string Owner = "u_owner";

    [Fact]
    public async Task MembersAndViewersRaiseHandsEveryoneSeesTheQueueInOrderAndLateJoinersGetIt_P_HAND_1_P_HAND_3()
    {
        var (roomId, room) = await NewRoomAsync();
        await room.JoinAsync(Join(Owner, "conn_owner"));
        await room.JoinAsync(Join("u_bob", "conn_bob"));
        await room.JoinAsync(Join("u_vic", "conn_vic"));
        await room.ModerateAsync(new ModerationCommand { Kind = ModerationKind.SetRole, ActorId = Owner, ActorConnectionId = "conn_owner", TargetUserId = "u_vic", Role = RoomRole.Viewer });

        await room.UpdateHelpQueueAsync(Raise("u_bob", "conn_bob", "stuck on 3"));
        var answer = await room.UpdateHelpQueueAsync(Raise("u_vic", "conn_vic", null));

        Assert.Equal([("u_bob", "bob", "stuck on 3"), ("u_vic", "vic", "")], answer.Select(r => (r.UserId, r.DisplayName, r.Note)));
        var announced = await fixture.Broadcaster.WaitForAsync<HelpQueueChanged>(roomId, 2);
        Assert.Equal(answer.Select(r => r.UserId), announced[^1].Requests.Select(r => r.UserId));
        var late = await room.JoinAsync(Join("u_cy", "conn_cy"));
        Assert.Equal(["u_bob", "u_vic"], late.HelpQueue.Select(r => r.UserId));
    }

    [Fact]
    public async Task OnlyMentorsAndTheOwnerTakeOrResolveOthersRequestsAndAnAskerLowersTheirOwn_P_HAND_2()
    {
        var (_, room) = await NewRoomAsync();
        await room.JoinAsync(Join(Owner, "conn_owner"));
        await room.JoinAsync(Join("u_bob", "conn_bob"));
        await room.JoinAsync(Join("u_amy", "conn_amy"));
        await room.JoinAsync(Join("u_mia", "conn_mia"));
        await room.ModerateAsync(new ModerationCommand { Kind = ModerationKind.SetRole, ActorId = Owner, ActorConnectionId = "conn_owner", TargetUserId = "u_mia", Role = RoomRole.Mentor });
        await room.UpdateHelpQueueAsync(Raise("u_bob", "conn_bob", null));
        await room.UpdateHelpQueueAsync(Raise("u_amy", "conn_amy", null));

        var memberTakes = await Assert.ThrowsAsync<StudyRoomsException>(() => room.UpdateHelpQueueAsync(Act(HelpQueueAction.Take, "u_amy", "conn_amy", "u_bob")));
        var memberResolves = await Assert.ThrowsAsync<StudyRoomsException>(() => room.UpdateHelpQueueAsync(Act(HelpQueueAction.Resolve, "u_amy", "conn_amy", "u_bob")));
        Assert.Equal([ErrorCodes.Forbidden, ErrorCodes.Forbidden], new[] { memberTakes.Code, memberResolves.Code });

        var taken = await room.UpdateHelpQueueAsync(Act(HelpQueueAction.Take, "u_mia", "conn_mia", "u_bob"));
        Assert.Equal(("u_mia", "mia"), (taken[0].TakenById, taken[0].TakenByName));

        var afterLower = await room.UpdateHelpQueueAsync(Act(HelpQueueAction.Resolve, "u_amy", "conn_amy", target: null));
        Assert.Equal(["u_bob"], afterLower.Select(r => r.UserId));
        var afterResolve = await room.UpdateHelpQueueAsync(Act(HelpQueueAction.Resolve, Owner, "conn_owner", "u_bob"));
        Assert.Empty(afterResolve);
    }

    [Fact]
    public async Task AHandGoesDownWhenItsUserLeavesOrIsRemoved_P_HAND_4()
    {
        var (roomId, room) = await NewRoomAsync();
        await room.JoinAsync(Join(Owner, "conn_owner"));
        await room.JoinAsync(Join("u_bob", "conn_bob"));
        await room.JoinAsync(Join("u_amy", "conn_amy"));
        await room.UpdateHelpQueueAsync(Raise("u_bob", "conn_bob", null));
        await room.UpdateHelpQueueAsync(Raise("u_amy", "conn_amy", null));

        await room.LeaveAsync(new LeaveRoomCommand { UserId = "u_bob", ConnectionId = "conn_bob" });
        await room.ModerateAsync(new ModerationCommand { Kind = ModerationKind.Remove, ActorId = Owner, ActorConnectionId = "conn_owner", TargetUserId = "u_amy" });

        var changes = await fixture.Broadcaster.WaitForAsync<HelpQueueChanged>(roomId, 4);
        Assert.Equal(["u_amy"], changes[2].Requests.Select(r => r.UserId));
        Assert.Empty(changes[3].Requests);
        Assert.Empty((await room.JoinAsync(Join("u_bob", "conn_bob_2"))).HelpQueue);
    }

    private static JoinRoomCommand Join(string userId, string connectionId) =>
        new() { UserId = userId, DisplayName = userId[2..], ConnectionId = connectionId };

    private static HelpQueueCommand Raise(string userId, string connectionId, string? note) =>
        new() { Action = HelpQueueAction.Raise, ActorId = userId, ActorConnectionId = connectionId, Note = note };

    private static HelpQueueCommand Act(HelpQueueAction action, string actorId, string connectionId, string? target) =>
        new() { Action = action, ActorId = actorId, ActorConnectionId = connectionId, TargetUserId = target };

    private async Task<(string RoomId, IRoomGrain Room)> NewRoomAsync()
    {
        var roomId = TestIds.Room();
        var room = fixture.Grains.GetGrain<IRoomGrain>(roomId);
        await room.CreateAsync(new CreateRoomCommand { Name = "Study group", OwnerId = Owner });
        return (roomId, room);
    }
}
