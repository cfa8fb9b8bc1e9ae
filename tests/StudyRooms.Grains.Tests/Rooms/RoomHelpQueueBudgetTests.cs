using StudyRooms.Contracts.Help;
using StudyRooms.Contracts.Protocol;
using StudyRooms.Contracts.Rooms;
using StudyRooms.Grains.Tests.Support;

namespace StudyRooms.Grains.Tests.Rooms;

// The raise-hand budget on the fake presence clock, so the test decides when it refills (P-HAND-2).
[Collection(PresenceClusterCollection.Name)]
public sealed class RoomHelpQueueBudgetTests(PresenceClusterFixture fixture)
{
    [Fact]
    public async Task ARaiseFromAConnectionNotInTheRoomOrTooManyRaisesAreRefusedWithoutChangeUntilTheBudgetRefills_P_HAND_2()
    {
        var (_, room) = await NewRoomAsync();
        await room.JoinAsync(Join("u_bob", "conn_bob"));

        var outsider = await Assert.ThrowsAsync<StudyRoomsException>(() => room.UpdateHelpQueueAsync(Raise("u_bob", "conn_other", null)));
        Assert.Equal(ErrorCodes.NotInRoom, outsider.Code);

        for (var i = 0; i < 5; i++)
        {
            await room.UpdateHelpQueueAsync(Raise("u_bob", "conn_bob", $"note {i}"));
        }

        var flood = await Assert.ThrowsAsync<StudyRoomsException>(() => room.UpdateHelpQueueAsync(Raise("u_bob", "conn_bob", "one more")));
        Assert.Equal(ErrorCodes.RateLimited, flood.Code);
        var queue = (await room.JoinAsync(Join("u_cy", "conn_cy"))).HelpQueue;
        Assert.Equal("note 4", Assert.Single(queue).Note);

        fixture.PresenceClock.Advance(TimeSpan.FromSeconds(5));
        await room.RefreshPresenceAsync(new RefreshPresenceCommand { ConnectionIds = ["conn_bob", "conn_cy"] });
        Assert.Equal("refilled", Assert.Single(await room.UpdateHelpQueueAsync(Raise("u_bob", "conn_bob", "refilled"))).Note);
    }

    private static JoinRoomCommand Join(string userId, string connectionId) =>
        new() { UserId = userId, DisplayName = userId[2..], ConnectionId = connectionId };

    private static HelpQueueCommand Raise(string userId, string connectionId, string? note) =>
        new() { Action = HelpQueueAction.Raise, ActorId = userId, ActorConnectionId = connectionId, Note = note };

    private async Task<(string RoomId, IRoomGrain Room)> NewRoomAsync()
    {
        var roomId = TestIds.Room();
        var room = fixture.Grains.GetGrain<IRoomGrain>(roomId);
        await room.CreateAsync(new CreateRoomCommand { Name = "Study group", OwnerId = "u_owner" });
        return (roomId, room);
    }
}
