using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using StudyRooms.Contracts.Help;
using StudyRooms.Contracts.Protocol;
using StudyRooms.Testing;

namespace StudyRooms.Server.Tests;

// The raise-hand queue over the real hub and the wire's JSON: a raised hand reaches the others as
// HelpQueueChanged, a late joiner gets the queue, a closed tab lowers the hand (P-HAND-1..4).
[Collection(HostCollection.Name)]
public sealed class HelpQueueHubTests(HostFixture fixture)
{
    private StudyRoomsHost Host => fixture.Host;

    [Fact]
    public async Task ARaisedHandReachesEveryoneAndGoesDownWhenItsTabCloses()
    {
        var owner = await Host.SignInAsync("Mia");
        var bob = await Host.SignInAsync("Bob");
        var roomId = (await Host.CreateRoomAsync(owner)).RoomId;
        await using var mia = await RoomClient.ConnectAsync(Host, owner);
        var seen = new ConcurrentQueue<HelpQueueChanged>();
        mia.Connection.On<HelpQueueChanged>("HelpQueueChanged", seen.Enqueue);
        await mia.JoinAsync(roomId);
        var bobClient = await RoomClient.ConnectAsync(Host, bob);
        await bobClient.JoinAsync(roomId);

        var queue = await bobClient.Connection.InvokeAsync<HelpRequest[]>("RaiseHand", new RaiseHandRequest { RoomId = roomId, Note = "stuck on <b>3</b>" });
        await Poll.UntilAsync(() => !seen.IsEmpty, "Mia sees Bob's hand");
        var changed = seen.Last();
        var request = Assert.Single(changed.Requests);
        Assert.Equal((bob.UserId, "Bob", "stuck on <b>3</b>"), (request.UserId, request.DisplayName, request.Note));
        Assert.Equal(queue.Select(r => r.UserId), changed.Requests.Select(r => r.UserId));

        await mia.Connection.InvokeAsync<HelpRequest[]>("TakeHand", new HandRequest { RoomId = roomId, UserId = bob.UserId });
        await using (var late = await RoomClient.ConnectAsync(Host, await Host.SignInAsync("Cy")))
        {
            var joined = await late.JoinAsync(roomId);
            Assert.Equal(owner.UserId, Assert.Single(joined.HelpQueue).TakenById);
        }

        await bobClient.DisposeAsync();
        await Poll.UntilAsync(() => seen.LastOrDefault() is { Requests.Length: 0 }, "Bob's hand goes down when his tab closes");
    }

    [Fact]
    public async Task ANoteOverTheLimitIsRefusedAtTheHubAndResolvingAnUnraisedHandSaysSo()
    {
        var owner = await Host.SignInAsync("Mia");
        var roomId = (await Host.CreateRoomAsync(owner)).RoomId;
        await using var mia = await RoomClient.ConnectAsync(Host, owner);
        await mia.JoinAsync(roomId);

        var tooLong = await Assert.ThrowsAsync<HubException>(() => mia.Connection.InvokeAsync<HelpRequest[]>("RaiseHand", new RaiseHandRequest { RoomId = roomId, Note = new string('x', 201) }));
        var notRaised = await Assert.ThrowsAsync<HubException>(() => mia.Connection.InvokeAsync<HelpRequest[]>("ResolveHand", new HandRequest { RoomId = roomId }));

        Assert.Equal(ErrorCodes.InvalidRequest, HubErrors.Parse(tooLong).Code);
        Assert.Equal(ErrorCodes.HandNotRaised, HubErrors.Parse(notRaised).Code);
    }
}
