using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using StudyRooms.Contracts.Protocol;
using StudyRooms.Contracts.Rooms;
using StudyRooms.Testing;

namespace StudyRooms.Server.Tests;

// Presence status over the real hub and the wire's JSON: a tab's report reaches the others as
// PresenceStatusChanged with a camelCase string, a late joiner reads it in the participant record,
// and malformed reports get coded refusals (P-STATUS-1..3).
[Collection(HostCollection.Name)]
public sealed class PresenceStatusHubTests(HostFixture fixture)
{
    private StudyRoomsHost Host => fixture.Host;

    [Fact]
    public async Task ATabsStatusReachesTheRoomAsAStringAndALateJoinerReadsIt()
    {
        await using var room = await OwnedRoom.OpenAsync(Host, "Mia");
        var (mia, roomId) = (room.Owner, room.RoomId);
        var seen = new ConcurrentQueue<JsonElement>();
        mia.Connection.On<JsonElement>("PresenceStatusChanged", seen.Enqueue);
        var bob = await Host.SignInAsync("Bob");
        await using var bobTab1 = await RoomClient.ConnectAsync(Host, bob);
        await using var bobTab2 = await RoomClient.ConnectAsync(Host, bob);
        await bobTab1.JoinAsync(roomId);
        await bobTab2.JoinAsync(roomId);

        await bobTab1.Connection.InvokeAsync("SetPresenceStatus", new SetPresenceStatusRequest { RoomId = roomId, Status = "away" });
        await bobTab2.Connection.InvokeAsync("SetPresenceStatus", new SetPresenceStatusRequest { RoomId = roomId, Status = "away" });

        await Poll.UntilAsync(() => !seen.IsEmpty, "Mia hears Bob go away");
        var changed = seen.First();
        Assert.Equal((roomId, bob.UserId, "away"), (changed.GetProperty("roomId").GetString(), changed.GetProperty("userId").GetString(), changed.GetProperty("status").GetString()));
        Assert.Single(seen);
        await using var late = await RoomClient.ConnectAsync(Host, await Host.SignInAsync("Cy"));
        var joined = await late.JoinAsync(roomId);
        Assert.Equal(PresenceStatus.Away, joined.Participants.Single(p => p.UserId == bob.UserId).Status);
    }

    [Fact]
    public async Task AnUnknownStatusOrARoomNotJoinedIsRefusedWithACode()
    {
        await using var room = await OwnedRoom.OpenAsync(Host, "Mia");
        var (mia, roomId) = (room.Owner, room.RoomId);

        var unknown = await Assert.ThrowsAsync<HubException>(() => mia.Connection.InvokeAsync("SetPresenceStatus", new SetPresenceStatusRequest { RoomId = roomId, Status = "asleep" }));
        var missing = await Assert.ThrowsAsync<HubException>(() => mia.Connection.InvokeAsync("SetPresenceStatus", new SetPresenceStatusRequest { RoomId = roomId }));
        var elsewhere = await Assert.ThrowsAsync<HubException>(() => mia.Connection.InvokeAsync("SetPresenceStatus", new SetPresenceStatusRequest { RoomId = "r_elsewhere", Status = "idle" }));

        Assert.Equal(
            [ErrorCodes.InvalidRequest, ErrorCodes.InvalidRequest, ErrorCodes.NotInRoom],
            new[] { HubErrors.Parse(unknown).Code, HubErrors.Parse(missing).Code, HubErrors.Parse(elsewhere).Code });
    }
}
