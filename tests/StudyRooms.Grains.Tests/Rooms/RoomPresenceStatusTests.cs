using StudyRooms.Contracts.Protocol;
using StudyRooms.Contracts.Rooms;
using StudyRooms.Grains.Rooms;
using StudyRooms.Grains.Tests.Support;

namespace StudyRooms.Grains.Tests.Rooms;

// Presence status on a real silo with a fake presence clock: tabs report active, idle or away; a user
// shows the most present tab; the room hears only changes of that; reports are checked and budgeted
// (P-STATUS-1..3).
[Collection(PresenceClusterCollection.Name)]
public sealed class RoomPresenceStatusTests(PresenceClusterFixture fixture)
{
    private static readonly TimeSpan Expiry = new RoomPresenceOptions().Expiry;

    [Fact]
    public async Task AUserShowsTheMostPresentOfTheirTabsAndTheRoomHearsOnlyWhenThatChanges_P_STATUS_2_P_STATUS_3()
    {
        var (roomId, room) = await NewRoomAsync();
        await room.JoinAsync(Join("u_ada", "conn_tab_1"));
        await room.JoinAsync(Join("u_ada", "conn_tab_2"));

        await room.SetPresenceStatusAsync(Report("u_ada", "conn_tab_1", PresenceStatus.Away));
        Assert.Empty(fixture.Broadcaster.For<PresenceStatusChanged>(roomId));

        await room.SetPresenceStatusAsync(Report("u_ada", "conn_tab_2", PresenceStatus.Idle));
        await room.SetPresenceStatusAsync(Report("u_ada", "conn_tab_2", PresenceStatus.Idle));
        await room.SetPresenceStatusAsync(Report("u_ada", "conn_tab_2", PresenceStatus.Away));
        await room.SetPresenceStatusAsync(Report("u_ada", "conn_tab_1", PresenceStatus.Idle));

        Assert.Equal(
            [PresenceStatus.Idle, PresenceStatus.Away, PresenceStatus.Idle],
            fixture.Broadcaster.For<PresenceStatusChanged>(roomId).Select(e => e.Status));
        var probe = await room.JoinAsync(Join("u_probe", "conn_probe"));
        Assert.Equal(PresenceStatus.Idle, probe.Participants.Single(p => p.UserId == "u_ada").Status);
        Assert.Equal(PresenceStatus.Active, probe.Self.Status);

        // The idle tab closes: the hidden one is all that is left.
        await room.LeaveAsync(new LeaveRoomCommand { UserId = "u_ada", ConnectionId = "conn_tab_1" });
        // A new tab starts active until it reports otherwise.
        var third = await room.JoinAsync(Join("u_ada", "conn_tab_3"));

        Assert.Equal(PresenceStatus.Active, third.Self.Status);
        Assert.Equal(
            [PresenceStatus.Idle, PresenceStatus.Away, PresenceStatus.Idle, PresenceStatus.Away, PresenceStatus.Active],
            fixture.Broadcaster.For<PresenceStatusChanged>(roomId).Select(e => e.Status));
        Assert.All(fixture.Broadcaster.For<PresenceStatusChanged>(roomId), e => Assert.Equal("u_ada", e.UserId));
    }

    [Fact]
    public async Task AnExpiredTabNoLongerCountsTowardsItsUsersStatus_P_STATUS_2_P_PRES_2()
    {
        var (roomId, room) = await NewRoomAsync();
        await room.JoinAsync(Join("u_ada", "conn_live"));
        await room.JoinAsync(Join("u_ada", "conn_dying"));
        await room.SetPresenceStatusAsync(Report("u_ada", "conn_live", PresenceStatus.Away));

        fixture.PresenceClock.Advance(Expiry / 2);
        await room.RefreshPresenceAsync(new RefreshPresenceCommand { ConnectionIds = ["conn_live"] });
        fixture.PresenceClock.Advance(Expiry / 2 + TimeSpan.FromSeconds(1));

        var changed = await fixture.Broadcaster.WaitForAsync<PresenceStatusChanged>(roomId);
        Assert.Equal(("u_ada", PresenceStatus.Away), (changed[0].UserId, changed[0].Status));
        Assert.Empty(fixture.Broadcaster.For<ParticipantLeft>(roomId));
    }

    [Fact]
    public async Task ReportsFromOutsideTheRoomUnknownValuesAndFloodsAreRefusedAndChangeNothing_P_STATUS_1()
    {
        var (roomId, room) = await NewRoomAsync();
        await room.JoinAsync(Join("u_ada", "conn_ada"));

        var outsider = await Assert.ThrowsAsync<StudyRoomsException>(() => room.SetPresenceStatusAsync(Report("u_ada", "conn_other", PresenceStatus.Away)));
        var stranger = await Assert.ThrowsAsync<StudyRoomsException>(() => room.SetPresenceStatusAsync(Report("u_eve", "conn_ada", PresenceStatus.Away)));
        var unknown = await Assert.ThrowsAsync<StudyRoomsException>(() => room.SetPresenceStatusAsync(Report("u_ada", "conn_ada", (PresenceStatus)7)));
        Assert.Equal([ErrorCodes.NotInRoom, ErrorCodes.NotInRoom, ErrorCodes.InvalidRequest], new[] { outsider.Code, stranger.Code, unknown.Code });

        for (var i = 0; i < RoomGrain.StatusReportBurst; i++)
        {
            await room.SetPresenceStatusAsync(Report("u_ada", "conn_ada", i % 2 == 0 ? PresenceStatus.Idle : PresenceStatus.Active));
        }

        var flood = await Assert.ThrowsAsync<StudyRoomsException>(() => room.SetPresenceStatusAsync(Report("u_ada", "conn_ada", PresenceStatus.Away)));
        Assert.Equal(ErrorCodes.RateLimited, flood.Code);
        var probe = await room.JoinAsync(Join("u_probe", "conn_probe"));
        Assert.Equal(PresenceStatus.Active, probe.Participants.Single(p => p.UserId == "u_ada").Status);
        Assert.Equal(6, fixture.Broadcaster.For<PresenceStatusChanged>(roomId).Count);

        fixture.PresenceClock.Advance(TimeSpan.FromSeconds(1 / RoomGrain.StatusReportsPerSecond));
        await room.RefreshPresenceAsync(new RefreshPresenceCommand { ConnectionIds = ["conn_ada", "conn_probe"] });
        await room.SetPresenceStatusAsync(Report("u_ada", "conn_ada", PresenceStatus.Away));
        Assert.Equal(PresenceStatus.Away, fixture.Broadcaster.For<PresenceStatusChanged>(roomId)[^1].Status);
    }

    private static JoinRoomCommand Join(string userId, string connectionId) =>
        new() { UserId = userId, DisplayName = userId[2..], ConnectionId = connectionId };

    private static PresenceStatusCommand Report(string userId, string connectionId, PresenceStatus status) =>
        new() { UserId = userId, ConnectionId = connectionId, Status = status };

    private async Task<(string RoomId, IRoomGrain Room)> NewRoomAsync()
    {
        var roomId = TestIds.Room();
        var room = fixture.Grains.GetGrain<IRoomGrain>(roomId);
        await room.CreateAsync(new CreateRoomCommand { Name = "Status", OwnerId = "u_owner" });
        return (roomId, room);
    }
}
