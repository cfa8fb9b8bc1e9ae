using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using StudyRooms.Contracts.Protocol;
using StudyRooms.Contracts.Rooms;
using StudyRooms.Testing;

namespace StudyRooms.Server.Tests;

// Proves that removing or banning a user closes every connection they have in that room at once,
// from the server's side, after telling each why; a banned user cannot come back on a new connection,
// a removed one can (P-MOD-1, P-MOD-2, P-MOD-8).
[Collection(HostCollection.Name)]
public sealed class ConnectionEvictionTests(HostFixture fixture)
{
    private StudyRoomsHost Host => fixture.Host;

    [Fact]
    public async Task ABanClosesTheUsersConnectionsToTheRoomAndTheyCannotRejoin_P_MOD_8()
    {
        await using var room = await OwnedRoom.OpenAsync(Host, "Ada");
        var (owner, roomId) = (room.Owner, room.RoomId);
        var troll = await Host.SignInAsync("Troll");
        var otherRoomId = (await Host.CreateRoomAsync(room.OwnerUser, "Elsewhere")).RoomId;
        await using var firstTab = await JoinWatchedAsync(troll, roomId);
        await using var secondTab = await JoinWatchedAsync(troll, roomId);
        await using var otherRoomTab = await JoinWatchedAsync(troll, otherRoomId);

        await owner.Connection.InvokeAsync("RemoveParticipant", new RemoveParticipantRequest { RoomId = roomId, UserId = troll.UserId, Ban = true });

        // Both tabs in the room are closed by the server (their Closed event fires without any call
        // of theirs), each after the ParticipantRemoved that says why.
        foreach (var tab in new[] { firstTab, secondTab })
        {
            await Poll.UntilAsync(() => tab.Closed.Task.IsCompleted, "the server closes the banned user's connection", TimeSpan.FromSeconds(10));
            Assert.Equal(HubConnectionState.Disconnected, tab.Client.Connection.State);
            Assert.Equal(["ParticipantRemoved(banned)", "Closed"], tab.Seen);
        }

        // The tab in another room is not touched; the owner sees the troll leave.
        Assert.Equal(HubConnectionState.Connected, otherRoomTab.Client.Connection.State);
        await Poll.UntilAsync(() => owner.ParticipantLeft.Any(e => e.UserId == troll.UserId), "the owner sees the troll leave");

        // A new connection cannot rejoin (P-MOD-2).
        await using var again = await RoomClient.ConnectAsync(Host, troll);
        Assert.Equal(ErrorCodes.Banned, HubErrors.Parse(await Assert.ThrowsAsync<HubException>(() => again.JoinAsync(roomId))).Code);
        Assert.DoesNotContain((await owner.JoinAsync(roomId)).Participants, p => p.UserId == troll.UserId);
    }

    [Fact]
    public async Task ARemovalClosesTheConnectionAndTheUserMayJoinAgain_P_MOD_8()
    {
        await using var room = await OwnedRoom.OpenAsync(Host, "Ada");
        var (owner, roomId) = (room.Owner, room.RoomId);
        var bob = await Host.SignInAsync("Bob");
        await using var tab = await JoinWatchedAsync(bob, roomId);

        await owner.Connection.InvokeAsync("RemoveParticipant", new RemoveParticipantRequest { RoomId = roomId, UserId = bob.UserId });

        await Poll.UntilAsync(() => tab.Closed.Task.IsCompleted, "the server closes the removed user's connection", TimeSpan.FromSeconds(10));
        Assert.Equal(["ParticipantRemoved(removed)", "Closed"], tab.Seen);
        Assert.Null(await tab.Closed.Task);

        // Removal is not a ban: a new connection joins again (P-MOD-1).
        await using var again = await RoomClient.ConnectAsync(Host, bob);
        Assert.Contains((await again.JoinAsync(roomId)).Participants, p => p.UserId == bob.UserId);
    }

    private async Task<WatchedTab> JoinWatchedAsync(TestUser user, string roomId)
    {
        var client = await RoomClient.ConnectAsync(Host, user);
        var tab = new WatchedTab(client);
        client.Connection.On<ParticipantRemoved>("ParticipantRemoved", e =>
        {
            if (e.UserId == user.UserId)
            {
                tab.Seen.Add(e.Banned ? "ParticipantRemoved(banned)" : "ParticipantRemoved(removed)");
            }
        });
        client.Connection.Closed += error =>
        {
            tab.Seen.Add("Closed");
            tab.Closed.TrySetResult(error);
            return Task.CompletedTask;
        };
        await client.JoinAsync(roomId);
        return tab;
    }

    /// <summary>A client and, in order, what it was told about its own removal and its closing.</summary>
    private sealed record WatchedTab(RoomClient Client) : IAsyncDisposable
    {
        public List<string> Seen { get; } = [];

        public TaskCompletionSource<Exception?> Closed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ValueTask DisposeAsync() => Client.DisposeAsync();
    }
}
