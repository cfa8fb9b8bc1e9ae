using StudyRooms.Contracts.Accounts;
using StudyRooms.Contracts.Lobby;
using StudyRooms.Grains.Activation;
using StudyRooms.Grains.Tests.Cluster;
using StudyRooms.Grains.Tests.Support;

namespace StudyRooms.Grains.Tests.Activation;

// Proves that the per-user grains a join or a lobby load touches in passing (footprint, room list,
// deleted-user record) leave memory once the call is done and keep what they stored. A deleted
// user's record whose erasure has steps left stays active to retry them: UserErasureRetryTests.
[Collection(ClusterCollection.Name)]
public sealed class ShortLivedGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task AUsersFootprintRoomListAndDeletionRecordDeactivateAfterEachCallAndKeepTheirState()
    {
        var userId = TestIds.User();
        var roomId = TestIds.Room();
        var footprint = fixture.Grains.GetGrain<IUserFootprintGrain>(userId);
        var rooms = fixture.Grains.GetGrain<IUserRoomsGrain>(userId);
        var deleted = fixture.Grains.GetGrain<IDeletedUserGrain>(DeletedUsers.Key(userId));

        await footprint.RecordAsync(roomId);
        await rooms.RememberAsync(new UserRoom { RoomId = roomId, VisitedAt = DateTimeOffset.UtcNow });
        Assert.False(await deleted.IsDeletedAsync());

        await Poll.UntilAsync(
            () => fixture.ActivationOf(footprint) is null && fixture.ActivationOf(rooms) is null && fixture.ActivationOf(deleted) is null ? "gone" : null,
            "the footprint, room list and deletion record to deactivate",
            ShortLivedGrain.IdlePeriod + TimeSpan.FromSeconds(10));

        // Activated again from storage, with what the calls wrote.
        Assert.Equal([roomId], await footprint.ListAsync());
        Assert.Equal(roomId, Assert.Single(await rooms.ListAsync()).RoomId);
        Assert.False(await deleted.IsDeletedAsync());
    }
}
