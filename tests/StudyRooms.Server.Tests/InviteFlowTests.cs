using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using StudyRooms.Contracts.Invites;
using StudyRooms.Contracts.Protocol;
using StudyRooms.Contracts.Rooms;
using StudyRooms.Testing;

namespace StudyRooms.Server.Tests;

// Proves joining a private room by link end to end over real HTTP and the real hub: accept, then
// JoinRoom; revocation stops the link at once, mid-session; a ban beats every link (P-INV-2..4, P-MOD-2).
[Collection(HostCollection.Name)]
public sealed class InviteFlowTests(HostFixture fixture)
{
    private StudyRoomsHost Host => fixture.Host;

    [Fact]
    public async Task APrivateRoomIsJoinedByAcceptingItsInviteAndARevokedLinkStopsAtOnce()
    {
        var ada = await Host.SignInAsync("Ada");
        var bob = await Host.SignInAsync("Bob");
        var roomId = await CreatePrivateRoomAsync(ada);
        using var adaHttp = Host.CreateHttpClient(ada);
        using var bobHttp = Host.CreateHttpClient(bob);
        var invite = (await (await adaHttp.PostAsJsonAsync($"/api/rooms/{roomId}/invites", new CreateInviteRequest { Role = RoomRole.Viewer }, ServerClient.Json))
            .Content.ReadFromJsonAsync<InviteInfo>(ServerClient.Json))!;
        await using var bobClient = await RoomClient.ConnectAsync(Host, bob);

        // Before accepting, the private room looks like no room at all (P-INV-4).
        Assert.Equal(ErrorCodes.RoomNotFound, HubErrors.Parse(await Assert.ThrowsAsync<HubException>(() => bobClient.JoinAsync(roomId))).Code);
        Assert.Equal(HttpStatusCode.NotFound, (await bobHttp.GetAsync($"/api/rooms/{roomId}")).StatusCode);

        var accepted = await bobHttp.PostAsync($"/api/invites/{invite.Code}/accept", content: null);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var result = (await accepted.Content.ReadFromJsonAsync<AcceptInviteResult>(ServerClient.Json))!;
        Assert.Equal((roomId, RoomRole.Viewer, $"/r/{roomId}"), (result.RoomId, result.Role, result.Link));
        Assert.Equal(RoomRole.Viewer, (await bobClient.JoinAsync(roomId)).Self.Role);

        // Revoked while Bob is in the room: the link stops at once for the next person.
        Assert.Equal(HttpStatusCode.NoContent, (await adaHttp.DeleteAsync($"/api/rooms/{roomId}/invites/{invite.Code}")).StatusCode);
        var carol = await Host.SignInAsync("Carol");
        using var carolHttp = Host.CreateHttpClient(carol);
        var late = await carolHttp.PostAsync($"/api/invites/{invite.Code}/accept", content: null);
        Assert.Equal(HttpStatusCode.NotFound, late.StatusCode);
        Assert.Contains(ErrorCodes.InviteInvalid, await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABannedUserCannotRejoinByAnyLink()
    {
        var ada = await Host.SignInAsync("Ada");
        var troll = await Host.SignInAsync("Troll");
        var roomId = await CreatePrivateRoomAsync(ada);
        using var adaHttp = Host.CreateHttpClient(ada);
        var first = (await (await adaHttp.PostAsJsonAsync($"/api/rooms/{roomId}/invites", new CreateInviteRequest(), ServerClient.Json)).Content.ReadFromJsonAsync<InviteInfo>(ServerClient.Json))!;
        var second = (await (await adaHttp.PostAsJsonAsync($"/api/rooms/{roomId}/invites", new CreateInviteRequest(), ServerClient.Json)).Content.ReadFromJsonAsync<InviteInfo>(ServerClient.Json))!;
        using var trollHttp = Host.CreateHttpClient(troll);
        (await trollHttp.PostAsync($"/api/invites/{first.Code}/accept", content: null)).EnsureSuccessStatusCode();
        await using var adaClient = await RoomClient.ConnectAsync(Host, ada);
        await adaClient.JoinAsync(roomId);
        await using var trollClient = await RoomClient.ConnectAsync(Host, troll);
        await trollClient.JoinAsync(roomId);
        var removed = new TaskCompletionSource<ParticipantRemoved>();
        trollClient.Connection.On<ParticipantRemoved>("ParticipantRemoved", e => removed.TrySetResult(e));

        await adaClient.Connection.InvokeAsync("RemoveParticipant", new RemoveParticipantRequest { RoomId = roomId, UserId = troll.UserId, Ban = true });

        // The banned user is told and their connection closed (P-MOD-8); then nothing works: not a
        // new connection, not the other link.
        Assert.True((await removed.Task.WaitAsync(TimeSpan.FromSeconds(10))).Banned);
        await Poll.UntilAsync(() => trollClient.Connection.State == HubConnectionState.Disconnected, "the server closes the banned user's connection");
        await using var again = await RoomClient.ConnectAsync(Host, troll);
        Assert.Equal(ErrorCodes.NotInRoom, HubErrors.Parse(await Assert.ThrowsAsync<HubException>(() => again.PushAsync(roomId, again.Stroke()))).Code);
        Assert.Equal(ErrorCodes.Banned, HubErrors.Parse(await Assert.ThrowsAsync<HubException>(() => again.JoinAsync(roomId))).Code);
        Assert.Equal(HttpStatusCode.Forbidden, (await trollHttp.PostAsync($"/api/invites/{second.Code}/accept", content: null)).StatusCode);
    }

    private async Task<string> CreatePrivateRoomAsync(TestUser owner)
    {
        using var http = Host.CreateHttpClient(owner);
        var response = await http.PostAsJsonAsync("/api/rooms", new CreateRoomRequest { Name = "Private", InviteOnly = true }, ServerClient.Json);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<RoomSnapshot>(ServerClient.Json))!.RoomId;
    }
}
