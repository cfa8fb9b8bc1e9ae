using StudyRooms.Contracts.Discovery;
using StudyRooms.Contracts.Rooms;
using StudyRooms.Grains.Tests.Cluster;
using StudyRooms.Grains.Tests.Support;

namespace StudyRooms.Grains.Tests.Rooms;

// Proves on a real silo that public rooms appear in the directory with live occupancy, searchable by
// name, topic and tag, busiest first, and that private and invite-only rooms never appear (P-DIR-1).
[Collection(ClusterCollection.Name)]
public sealed class RoomDirectoryTests(ClusterFixture fixture)
{
    [Fact]
    public async Task PublicRoomsAreListedBusiestFirstWithLiveOccupancy_P_DIR_1()
    {
        var word = "w" + Guid.NewGuid().ToString("N")[..10];
        var quiet = await CreateAsync($"Quiet {word}", isPublic: true);
        var busy = await CreateAsync("Busy room", isPublic: true, topic: $"Topic {word}");
        var tagged = await CreateAsync("Tagged", isPublic: true, tags: [word]);
        await CreateAsync($"Hidden {word}", isPublic: false);
        await CreateAsync($"Secret {word}", isPublic: true, inviteOnly: true);
        await busy.Room.JoinAsync(Join("u_ada", "conn_ada"));
        await busy.Room.JoinAsync(Join("u_bob", "conn_bob"));
        await tagged.Room.JoinAsync(Join("u_carol", "conn_carol"));

        var directory = fixture.Grains.GetGrain<IRoomDirectoryGrain>(0);
        var found = await UntilAsync(
            async () => await directory.SearchAsync(word.ToUpperInvariant(), 50) is { Length: 3 } rooms && rooms[0].Occupancy == 2 && rooms[1].Occupancy == 1 ? rooms : null,
            "three public rooms, busiest first");

        Assert.Equal([busy.RoomId, tagged.RoomId, quiet.RoomId], found.Select(r => r.RoomId));
        Assert.Equal([2, 1, 0], found.Select(r => r.Occupancy));
        Assert.Equal($"/r/{busy.RoomId}", found[0].Link);

        await busy.Room.LeaveAsync(new LeaveRoomCommand { UserId = "u_ada", ConnectionId = "conn_ada" });
        await busy.Room.LeaveAsync(new LeaveRoomCommand { UserId = "u_bob", ConnectionId = "conn_bob" });
        var after = await UntilAsync(
            async () => await directory.SearchAsync(word, 50) is { } rooms && rooms[0].RoomId == tagged.RoomId ? rooms : null,
            "the emptied room drops behind");
        Assert.Equal(0, after.Single(r => r.RoomId == busy.RoomId).Occupancy);
    }

    private async Task<(string RoomId, IRoomGrain Room)> CreateAsync(string name, bool isPublic, string topic = "", string[]? tags = null, bool inviteOnly = false)
    {
        var roomId = TestIds.Room();
        var room = fixture.Grains.GetGrain<IRoomGrain>(roomId);
        await room.CreateAsync(new CreateRoomCommand { Name = name, Topic = topic, Tags = tags, OwnerId = "u_owner", IsPublic = isPublic, InviteOnly = inviteOnly });
        return (roomId, room);
    }

    private static async Task<DirectoryEntry[]> UntilAsync(Func<Task<DirectoryEntry[]?>> probe, string what)
    {
        // Rooms report to the directory one-way, so the listing catches up shortly after the join.
        var deadline = DateTime.UtcNow + Poll.DefaultTimeout;
        while (true)
        {
            if (await probe() is { } rooms)
            {
                return rooms;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting for {what}");
            await Task.Delay(20);
        }
    }

    private static JoinRoomCommand Join(string userId, string connectionId) =>
        new() { UserId = userId, DisplayName = userId[2..], ConnectionId = connectionId };
}
