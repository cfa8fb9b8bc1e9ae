using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using StudyRooms.Contracts.Accounts;
using StudyRooms.Contracts.Chat;
using StudyRooms.Contracts.Resources;
using StudyRooms.Contracts.Rooms;
using StudyRooms.Testing;

namespace StudyRooms.Server.Tests;

// Events that keep other people's open pages true without a reload, over the real hub: a lifted ban
// reaches the room's moderators and nobody else (P-MOD-10), so does a placed ban, of a user present
// or not (P-MOD-11), and a user's account deletion reaches
// the room once their name is gone from its chat and shelf (P-ACCT-5).
[Collection(HostCollection.Name)]
public sealed class PeopleRefreshHubTests(HostFixture fixture)
{
    private StudyRoomsHost Host => fixture.Host;

    [Fact]
    public async Task ABanLiftedByOneModeratorReachesTheOtherModeratorsButNotMembers_P_MOD_10()
    {
        await using var room = await ModeratedRoom.OpenAsync(Host);
        var (roomId, ada, ben, cy, owner) = (room.RoomId, room.Ada, room.Ben, room.Cy, room.OwnerUser);
        var bannedUser = await Host.SignInAsync("Dee");
        await ada.Connection.InvokeAsync("RemoveParticipant", new RemoveParticipantRequest { RoomId = roomId, UserId = bannedUser.UserId, Ban = true });
        Assert.Single(await ben.Connection.InvokeAsync<BannedUser[]>("ListBans", new ListBansRequest { RoomId = roomId }));

        await ada.Connection.InvokeAsync("UnbanUser", new UnbanUserRequest { RoomId = roomId, UserId = bannedUser.UserId });

        await Poll.UntilAsync(() => !ben.BansLifted.IsEmpty, "the other moderator hears of the lifted ban");
        var lifted = Assert.Single(ben.BansLifted);
        Assert.Equal((roomId, bannedUser.UserId, owner.UserId), (lifted.RoomId, lifted.UserId, lifted.ByUserId));
        Assert.Empty(await ben.Connection.InvokeAsync<BannedUser[]>("ListBans", new ListBansRequest { RoomId = roomId }));

        // A later event to everyone reaches the member after the ban lift would have: it never came.
        await SetReadOnlySeenByAsync(ada, cy, roomId, readOnly: true);
        Assert.Empty(cy.BansLifted);

        // Lifting a ban nobody has changes nothing and tells nobody.
        await ada.Connection.InvokeAsync("UnbanUser", new UnbanUserRequest { RoomId = roomId, UserId = bannedUser.UserId });
        await SetReadOnlySeenByAsync(ada, ben, roomId, readOnly: false);
        Assert.Single(ben.BansLifted);
        Assert.Single(ada.BansLifted);
    }

    [Fact]
    public async Task ABanOfAnAbsentUserReachesEveryModeratorButNotMembersAndOnlyOnce_P_MOD_11()
    {
        await using var room = await ModeratedRoom.OpenAsync(Host);
        var (roomId, ada, ben, cy, owner) = (room.RoomId, room.Ada, room.Ben, room.Cy, room.OwnerUser);
        var absentUser = await Host.SignInAsync("Dee");

        // Dee was never in the room: nobody leaves, so only BanPlaced can tell Ben's open ban list.
        await ada.Connection.InvokeAsync("RemoveParticipant", new RemoveParticipantRequest { RoomId = roomId, UserId = absentUser.UserId, Ban = true });

        await Poll.UntilAsync(() => !ben.BansPlaced.IsEmpty && !ada.BansPlaced.IsEmpty, "both moderators hear of the ban, the one who placed it included");
        var placed = Assert.Single(ben.BansPlaced);
        Assert.Equal((roomId, absentUser.UserId, owner.UserId), (placed.RoomId, placed.UserId, placed.ByUserId));
        Assert.Equal([absentUser.UserId], (await ben.Connection.InvokeAsync<BannedUser[]>("ListBans", new ListBansRequest { RoomId = roomId })).Select(b => b.UserId));

        // A later event to everyone reaches the member after the ban would have: it never came.
        await SetReadOnlySeenByAsync(ada, cy, roomId, readOnly: true);
        Assert.Empty(cy.BansPlaced);

        // Banning a user who is banned already stores nothing new and tells nobody.
        await ben.Connection.InvokeAsync("RemoveParticipant", new RemoveParticipantRequest { RoomId = roomId, UserId = absentUser.UserId, Ban = true });
        await SetReadOnlySeenByAsync(ada, ben, roomId, readOnly: false);
        Assert.Single(ben.BansPlaced);
        Assert.Single(ada.BansPlaced);
    }

    [Fact]
    public async Task ABanOfAPresentMentorReachesTheOtherModeratorsButNotTheBannedMentor_P_MOD_11()
    {
        var owner = await Host.SignInAsync("Ada");
        var mentorUser = await Host.SignInAsync("Ben");
        var bannedUser = await Host.SignInAsync("Eve");
        var roomId = (await Host.CreateRoomAsync(owner)).RoomId;
        await using var ada = await RoomClient.ConnectAsync(Host, owner);
        await using var ben = await RoomClient.ConnectAsync(Host, mentorUser);
        await using var eve = await RoomClient.ConnectAsync(Host, bannedUser);
        await ada.JoinAsync(roomId);
        foreach (var mentor in new[] { mentorUser, bannedUser })
        {
            await ada.Connection.InvokeAsync("SetRole", new SetRoleRequest { RoomId = roomId, UserId = mentor.UserId, Role = RoomRole.Mentor });
        }

        await ben.JoinAsync(roomId);
        await eve.JoinAsync(roomId);

        await ada.Connection.InvokeAsync("RemoveParticipant", new RemoveParticipantRequest { RoomId = roomId, UserId = bannedUser.UserId, Ban = true });

        await Poll.UntilAsync(() => !ben.BansPlaced.IsEmpty, "the other mentor hears of the ban");
        Assert.Equal(bannedUser.UserId, Assert.Single(ben.BansPlaced).UserId);
        // The ban was announced before Ada's call returned; an answer Eve asks for after that comes behind
        // anything sent to her connection before it (she is out of the room now, hence the refusal).
        await Assert.ThrowsAsync<HubException>(() => eve.Connection.InvokeAsync<BannedUser[]>("ListBans", new ListBansRequest { RoomId = roomId }));
        Assert.Empty(eve.BansPlaced);
    }

    /// <summary>Ada owns a new room, Ben is its mentor and Cy a member, all three joined; disposing closes their clients.</summary>
    private sealed class ModeratedRoom(OwnedRoom owned, RoomClient ben, RoomClient cy) : IAsyncDisposable
    {
        public string RoomId => owned.RoomId;

        public TestUser OwnerUser => owned.OwnerUser;

        public RoomClient Ada => owned.Owner;

        public RoomClient Ben => ben;

        public RoomClient Cy => cy;

        public static async Task<ModeratedRoom> OpenAsync(StudyRoomsHost host)
        {
            var owned = await OwnedRoom.OpenAsync(host, "Ada");
            var mentor = await host.SignInAsync("Ben");
            await owned.Owner.Connection.InvokeAsync("SetRole", new SetRoleRequest { RoomId = owned.RoomId, UserId = mentor.UserId, Role = RoomRole.Mentor });
            var ben = await RoomClient.ConnectAsync(host, mentor);
            await ben.JoinAsync(owned.RoomId);
            return new ModeratedRoom(owned, ben, await owned.JoinNewUserAsync(host, "Cy"));
        }

        public async ValueTask DisposeAsync()
        {
            await cy.DisposeAsync();
            await ben.DisposeAsync();
            await owned.DisposeAsync();
        }
    }

    /// <summary>Switches read-only and waits until <paramref name="observer"/> got the RoomUpdated that follows (P-MOD-5).</summary>
    private static async Task SetReadOnlySeenByAsync(RoomClient actor, RoomClient observer, string roomId, bool readOnly)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = observer.Connection.On<RoomUpdated>("RoomUpdated", e =>
        {
            if (e.RoomId == roomId && e.Room.ReadOnly == readOnly)
            {
                seen.TrySetResult();
            }
        });
        await actor.Connection.InvokeAsync("SetReadOnly", new SetReadOnlyRequest { RoomId = roomId, ReadOnly = readOnly });
        await seen.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task ADeletedUsersRoomHearsOfItAfterTheirNameIsGoneFromChatAndShelf_P_ACCT_5()
    {
        var owner = await Host.SignInAsync("Ada");
        var leaving = await Host.SignInAsync("Zed");
        var roomId = (await Host.CreateRoomAsync(owner)).RoomId;
        await using var ada = await RoomClient.ConnectAsync(Host, owner);
        await using var zed = await RoomClient.ConnectAsync(Host, leaving);
        await ada.JoinAsync(roomId);
        await zed.JoinAsync(roomId);
        var message = await zed.PostAsync(roomId, "notes on lenses");
        var pinned = await zed.Connection.InvokeAsync<ResourceItem>("PinResource", new PinResourceRequest { RoomId = roomId, Kind = ResourceKind.Note, Text = "Snell's law" });

        using (var http = Host.CreateHttpClient(leaving))
        {
            var response = await http.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/me") { Content = JsonContent.Create(new DeleteMeRequest { DisplayName = "Zed" }, options: ServerClient.Json) });
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        }

        await Poll.UntilAsync(() => !ada.UsersErased.IsEmpty, "the room hears that Zed's account is gone");
        var erased = Assert.Single(ada.UsersErased);
        Assert.Equal((roomId, leaving.UserId), (erased.RoomId, erased.UserId));
        Assert.Contains(ada.ParticipantLeft, e => e.UserId == leaving.UserId);

        // Sent last: what the page would load now already carries the marker, never the old name.
        var stored = Assert.Single((await ada.LoadMessagesAsync(roomId)).Messages, m => m.Seq == message.Seq);
        Assert.Equal((DeletedUsers.MarkerId, DeletedUsers.MarkerName), (stored.AuthorId, stored.AuthorName));
        var shelf = await ada.Connection.InvokeAsync<ResourceShelf>("ListResources", new ListResourcesRequest { RoomId = roomId });
        var item = Assert.Single(shelf.Items, r => r.Id == pinned.Id);
        Assert.Equal(DeletedUsers.MarkerId, item.AddedBy);
    }
}
