using StudyRooms.Contracts.Accounts;
using StudyRooms.Contracts.Rooms;
using StudyRooms.Grains.Tests.Cluster;
using StudyRooms.Grains.Tests.Support;

namespace StudyRooms.Grains.Tests.Rooms;

// Proves the owned-room count of a user's footprint (P-LIFE-7) on a real silo with SQLite: it refuses
// past the bound without changing anything, a failed creation's release and a deleted room's forget
// each free a place, and erasing the user's footprint clears it.
[Collection(ClusterCollection.Name)]
public sealed class OwnedRoomsBoundTests(ClusterFixture fixture)
{
    [Fact]
    public async Task TheCountRefusesPastTheBoundAndReleaseForgetAndEraseFreePlaces_P_LIFE_7()
    {
        var footprint = fixture.Grains.GetGrain<IUserFootprintGrain>(TestIds.User());
        string[] rooms = [TestIds.Room(), TestIds.Room(), TestIds.Room()];

        Assert.True(await footprint.ReserveOwnedRoomAsync(rooms[0], maxOwnedRooms: 2));
        Assert.True(await footprint.ReserveOwnedRoomAsync(rooms[1], maxOwnedRooms: 2));
        Assert.True(await footprint.ReserveOwnedRoomAsync(rooms[1], maxOwnedRooms: 2)); // already counted
        Assert.False(await footprint.ReserveOwnedRoomAsync(rooms[2], maxOwnedRooms: 2));
        Assert.Equal(2, await footprint.CountOwnedRoomsAsync());

        // A creation that failed gives its place back.
        await footprint.ReleaseOwnedRoomAsync(rooms[1]);
        Assert.Equal(1, await footprint.CountOwnedRoomsAsync());
        Assert.True(await footprint.ReserveOwnedRoomAsync(rooms[2], maxOwnedRooms: 2));

        // A deleted room takes itself off (P-LIFE-4), from the owned rooms too.
        await footprint.RecordAsync(rooms[0]);
        await footprint.ForgetAsync(rooms[0]);
        Assert.Equal(1, await footprint.CountOwnedRoomsAsync());
        Assert.DoesNotContain(rooms[0], await footprint.ListAsync());

        // Deleting the user erases the count with the footprint.
        await footprint.EraseAsync();
        Assert.Equal(0, await footprint.CountOwnedRoomsAsync());
    }

    [Fact]
    public async Task DeletingARoomFreesItsOwnersPlace_P_LIFE_7()
    {
        var owner = TestIds.User();
        var roomId = TestIds.Room();
        var footprint = fixture.Grains.GetGrain<IUserFootprintGrain>(owner);
        Assert.True(await footprint.ReserveOwnedRoomAsync(roomId, maxOwnedRooms: 1));
        var room = fixture.Grains.GetGrain<IRoomGrain>(roomId);
        await room.CreateAsync(new CreateRoomCommand { Name = "Optics", OwnerId = owner });

        await room.DeleteAsync(new DeleteRoomCommand { ActorId = owner, ConfirmName = "Optics" });

        Assert.Equal(0, await footprint.CountOwnedRoomsAsync());
    }
}
