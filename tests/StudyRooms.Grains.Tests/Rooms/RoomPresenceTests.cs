using StudyRooms.Contracts.Boards;
using StudyRooms.Contracts.Protocol;
using StudyRooms.Contracts.Rooms;
using StudyRooms.Grains.Rooms;
using StudyRooms.Grains.Tests.Support;

namespace StudyRooms.Grains.Tests.Rooms;

// Proves with a fake presence clock that a connection no server vouches for leaves the room by
// itself after the expiry, announced once, and can no longer edit the board (P-PRES-2, P-PRES-1).
[Collection(PresenceClusterCollection.Name)]
public sealed class RoomPresenceTests(PresenceClusterFixture fixture)
{
    private static readonly TimeSpan Expiry = new RoomPresenceOptions().Expiry;

    [Fact]
    public async Task AConnectionNobodyVouchesForExpiresAndAVouchedOneStays_P_PRES_2()
    {
        var roomId = TestIds.Room();
        var room = fixture.Grains.GetGrain<IRoomGrain>(roomId);
        await room.CreateAsync(new CreateRoomCommand { Name = "Ghosts", OwnerId = "u_owner" });
        await room.JoinAsync(Join("u_alive", "conn_alive"));
        await room.JoinAsync(Join("u_ghost", "conn_ghost"));

        // Refreshed every half expiry, as a live server does; the ghost's server has died.
        for (var step = 0; step < 3; step++)
        {
            fixture.PresenceClock.Advance(Expiry / 2);
            await room.RefreshPresenceAsync(new RefreshPresenceCommand { ConnectionIds = ["conn_alive"] });
        }

        var left = Assert.Single(await fixture.Broadcaster.WaitForAsync<ParticipantLeft>(roomId));
        Assert.Equal("u_ghost", left.UserId);
        var again = await room.JoinAsync(Join("u_new", "conn_new"));
        Assert.Equal(["u_alive", "u_new"], again.Participants.Select(p => p.UserId).Order(StringComparer.Ordinal));
        var refusal = await Assert.ThrowsAsync<StudyRoomsException>(() => fixture.Grains.GetGrain<IBoardGrain>(roomId).PushOpsAsync(new PushOpsCommand
        {
            UserId = "u_ghost",
            ClientId = TestIds.Client(),
            ConnectionId = "conn_ghost",
            Ops = [Ops.Create(1, TestIds.Element())],
        }));
        Assert.Equal(ErrorCodes.NotInRoom, refusal.Code);
    }

    [Fact]
    public async Task AUserWithOneLiveTabOfTwoStaysPresent_P_PRES_2_P_JOIN_2()
    {
        var roomId = TestIds.Room();
        var room = fixture.Grains.GetGrain<IRoomGrain>(roomId);
        await room.CreateAsync(new CreateRoomCommand { Name = "Tabs", OwnerId = "u_owner" });
        await room.JoinAsync(Join("u_ada", "conn_tab_1"));
        await room.JoinAsync(Join("u_ada", "conn_tab_2"));

        fixture.PresenceClock.Advance(Expiry / 2);
        await room.RefreshPresenceAsync(new RefreshPresenceCommand { ConnectionIds = ["conn_tab_2"] });
        fixture.PresenceClock.Advance(Expiry / 2 + TimeSpan.FromSeconds(1));

        // The sweep runs every 100 ms of real time: wait until it dropped the first tab, then Ada must still be here.
        var deadline = DateTime.UtcNow + Poll.DefaultTimeout;
        while (!await BoardRefusesAsync(roomId, "conn_tab_1"))
        {
            Assert.True(DateTime.UtcNow < deadline, "the first tab did not expire");
            await Task.Delay(20);
        }

        Assert.Empty(fixture.Broadcaster.For<ParticipantLeft>(roomId));
        var probe = await room.JoinAsync(Join("u_probe", "conn_probe"));
        Assert.Contains(probe.Participants, p => p.UserId == "u_ada");
    }

    private async Task<bool> BoardRefusesAsync(string roomId, string connectionId)
    {
        try
        {
            await fixture.Grains.GetGrain<IBoardGrain>(roomId).PushOpsAsync(new PushOpsCommand
            {
                UserId = "u_ada",
                ClientId = TestIds.Client(),
                ConnectionId = connectionId,
                Ops = [Ops.Create(1, TestIds.Element())],
            });
            return false;
        }
        catch (StudyRoomsException e) when (e.Code == ErrorCodes.NotInRoom)
        {
            return true;
        }
    }

    private static JoinRoomCommand Join(string userId, string connectionId) =>
        new() { UserId = userId, DisplayName = userId[2..], ConnectionId = connectionId };
}
