using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using StudyRooms.Contracts.Lobby;
using StudyRooms.Contracts.Protocol;
using StudyRooms.Contracts.Rooms;
using StudyRooms.Contracts.Sprints;
using StudyRooms.Server.Auth;
using StudyRooms.Testing;

namespace StudyRooms.Server.Tests;

// Proves the lobby's HTTP API on a real host: "Your rooms" lists rooms the caller created or joined,
// most recent first, with live occupancy and sprint; banned, unknown and forgotten rooms drop out;
// and the directory filters by tag, pages and offers tag chips (P-LOBBY-1, P-LOBBY-2, P-DIR-2).
[Collection(HostCollection.Name)]
public sealed class LobbyApiTests(HostFixture fixture)
{
    private StudyRoomsHost Host => fixture.Host;

    [Fact]
    public async Task CreatedAndJoinedRoomsAppearMostRecentFirstWithOccupancy_P_LOBBY_1()
    {
        var owner = SignIn("Owner");
        var ada = SignIn("Ada");
        var first = await Host.CreateRoomAsync(owner, "First");
        var second = await Host.CreateRoomAsync(owner, "Second");
        using var adaHttp = Host.CreateHttpClient(ada);
        Assert.Empty(await MyRoomsAsync(adaHttp));

        await using var adaClient = await RoomClient.ConnectAsync(Host, ada);
        await adaClient.JoinAsync(first.RoomId);
        await Poll.UntilAsync(async () => (await MyRoomsAsync(adaHttp)).Length == 1, "the first joined room is remembered");
        await adaClient.JoinAsync(second.RoomId);
        var rooms = await UntilAsync(adaHttp, rooms => rooms.Length == 2 && rooms[0].RoomId == second.RoomId, "the second room on top");

        Assert.Equal([second.RoomId, first.RoomId], rooms.Select(r => r.RoomId));
        Assert.All(rooms, r => Assert.Equal(1, r.Occupancy));
        Assert.All(rooms, r => Assert.Equal(RoomRole.Member, r.Role));
        Assert.Equal("Second", rooms[0].Name);
        Assert.Equal($"/r/{second.RoomId}", rooms[0].Link);
        Assert.True(rooms[0].VisitedAt >= rooms[1].VisitedAt);
        Assert.Null(rooms[0].Sprint);

        // Visiting the first room again brings it back to the top.
        await adaClient.Connection.InvokeAsync("LeaveRoom", new LeaveRoomRequest { RoomId = first.RoomId });
        await adaClient.JoinAsync(first.RoomId);
        await UntilAsync(adaHttp, rooms => rooms.Length == 2 && rooms[0].RoomId == first.RoomId, "the revisited room on top");

        // The creator has both rooms without visiting them, as owner, newest first.
        using var ownerHttp = Host.CreateHttpClient(owner);
        var owned = await MyRoomsAsync(ownerHttp);
        Assert.Equal([second.RoomId, first.RoomId], owned.Select(r => r.RoomId));
        Assert.All(owned, r => Assert.Equal(RoomRole.Owner, r.Role));
    }

    [Fact]
    public async Task ARunningSprintShowsItsPhaseAndTimeLeft_P_LOBBY_1()
    {
        var owner = SignIn("Owner");
        var room = await Host.CreateRoomAsync(owner, "Sprinting");
        await using var client = await RoomClient.ConnectAsync(Host, owner);
        await client.JoinAsync(room.RoomId);
        await client.Connection.InvokeAsync<SprintSnapshot>("StartSprint", new StartSprintRequest { RoomId = room.RoomId, Preset = "25/5" });
        using var http = Host.CreateHttpClient(owner);

        var listed = (await MyRoomsAsync(http)).Single(r => r.RoomId == room.RoomId);

        Assert.NotNull(listed.Sprint);
        Assert.Equal(SprintStatus.Running, listed.Sprint.Status);
        Assert.Equal(SprintPhaseKind.Focus, listed.Sprint.PhaseKind);
        Assert.InRange(listed.Sprint.RemainingMs, 1, 25 * 60_000);
    }

    [Fact]
    public async Task BannedUnknownAndForgottenRoomsDropOut_P_LOBBY_1()
    {
        var owner = SignIn("Owner");
        var troll = SignIn("Troll");
        var banning = await Host.CreateRoomAsync(owner, "Strict");
        var kept = await Host.CreateRoomAsync(owner, "Kept");
        var forgotten = await Host.CreateRoomAsync(owner, "Forgotten");
        await using var ownerClient = await RoomClient.ConnectAsync(Host, owner);
        await ownerClient.JoinAsync(banning.RoomId);
        await using var trollClient = await RoomClient.ConnectAsync(Host, troll);
        foreach (var room in new[] { banning, kept, forgotten })
        {
            await trollClient.JoinAsync(room.RoomId);
        }

        // A room id the list holds but no room has (a room gone since) drops out as well.
        var unknown = RoomsApiNewId();
        await Host.Services.GetRequiredService<IGrainFactory>().GetGrain<IUserRoomsGrain>(troll.UserId)
            .RememberAsync(new UserRoom { RoomId = unknown, VisitedAt = DateTimeOffset.UtcNow.AddDays(1) });
        using var trollHttp = Host.CreateHttpClient(troll);
        await UntilAsync(trollHttp, rooms => rooms.Length == 3, "three rooms (the unknown one already dropped)");

        await ownerClient.Connection.InvokeAsync("RemoveParticipant", new RemoveParticipantRequest { RoomId = banning.RoomId, UserId = troll.UserId, Ban = true });
        var forget = await trollHttp.DeleteAsync($"/api/me/rooms/{forgotten.RoomId}");

        Assert.Equal(HttpStatusCode.NoContent, forget.StatusCode);
        Assert.Equal([kept.RoomId], (await MyRoomsAsync(trollHttp)).Select(r => r.RoomId));
        var list = await Host.Services.GetRequiredService<IGrainFactory>().GetGrain<IUserRoomsGrain>(troll.UserId).ListAsync();
        Assert.Equal([kept.RoomId], list.Select(r => r.RoomId));
        Assert.Equal(HttpStatusCode.NotFound, (await trollHttp.DeleteAsync("/api/me/rooms/not-a-room")).StatusCode);
    }

    [Fact]
    public async Task TheListIsBoundedToTheMostRecentFifty_P_LOBBY_1()
    {
        var user = SignIn("Busy");
        var list = Host.Services.GetRequiredService<IGrainFactory>().GetGrain<IUserRoomsGrain>(user.UserId);
        var start = DateTimeOffset.UtcNow;
        var ids = Enumerable.Range(0, 55).Select(_ => RoomsApiNewId()).ToArray();
        for (var i = 0; i < ids.Length; i++)
        {
            await list.RememberAsync(new UserRoom { RoomId = ids[i], VisitedAt = start.AddSeconds(i) });
        }

        // One-way calls may arrive in any order; the list is ordered by visit time whatever the order.
        await Poll.UntilAsync(async () => await list.ListAsync() is { Length: 50 } rooms && rooms[0].RoomId == ids[^1] && rooms[^1].RoomId == ids[5], "the fifty latest visits");
        var kept = await list.ListAsync();

        Assert.Equal(50, kept.Length);
        Assert.Equal(ids[5..].Reverse(), kept.Select(r => r.RoomId));
    }

    [Fact]
    public async Task TheLobbyEndpointsNeedASession_P_AUTH_1()
    {
        using var anonymous = Host.CreateHttpClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/me/rooms")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.DeleteAsync($"/api/me/rooms/{RoomsApiNewId()}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/directory?tag=math")).StatusCode);
    }

    [Fact]
    public async Task TheDirectoryFiltersByTagPagesAndOffersTagChips_P_DIR_2()
    {
        var owner = SignIn("Owner");
        var word = "w" + Guid.NewGuid().ToString("N")[..10];
        using var http = Host.CreateHttpClient(owner);
        var algebra = await CreatePublicAsync(http, $"Algebra {word}", ["math", "algebra"]);
        var calculus = await CreatePublicAsync(http, $"Calculus {word}", ["math"]);
        var poems = await CreatePublicAsync(http, $"Poems {word}", ["poetry"]);

        var math = await DirectoryAsync(http, $"?q={word}&tag=MATH");
        Assert.Equal(2, math.GetProperty("total").GetInt32());
        Assert.Equal(new[] { algebra, calculus }.Order(), math.GetProperty("rooms").EnumerateArray().Select(r => r.GetProperty("roomId").GetString()).Order());
        var chips = math.GetProperty("tags").EnumerateArray().Select(t => (t.GetProperty("tag").GetString(), t.GetProperty("count").GetInt32())).ToArray();
        Assert.Equal([("math", 2), ("algebra", 1), ("poetry", 1)], chips);

        var page1 = await DirectoryAsync(http, $"?q={word}&limit=2");
        var page2 = await DirectoryAsync(http, $"?q={word}&limit=2&offset=2");
        Assert.Equal(3, page1.GetProperty("total").GetInt32());
        var paged = page1.GetProperty("rooms").EnumerateArray().Concat(page2.GetProperty("rooms").EnumerateArray()).Select(r => r.GetProperty("roomId").GetString()).ToArray();
        Assert.Equal(new[] { algebra, calculus, poems }.Order(), paged.Order());

        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync("/api/directory?offset=-1")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync($"/api/directory?tag={new string('t', 31)}")).StatusCode);
    }

    private static async Task<string> CreatePublicAsync(HttpClient http, string name, string[] tags)
    {
        var response = await http.PostAsJsonAsync("/api/rooms", new CreateRoomRequest { Name = name, IsPublic = true, Tags = tags }, ServerClient.Json);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<RoomSnapshot>(ServerClient.Json))!.RoomId;
    }

    private static async Task<JsonElement> DirectoryAsync(HttpClient http, string query)
    {
        var response = await http.GetAsync("/api/directory" + query);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<MyRoom[]> MyRoomsAsync(HttpClient http)
    {
        var response = await http.GetAsync("/api/me/rooms");
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<MyRoomsAnswer>(ServerClient.Json))!.Rooms;
    }

    private static async Task<MyRoom[]> UntilAsync(HttpClient http, Func<MyRoom[], bool> condition, string what)
    {
        // Rooms remember visits one-way, so the list catches up a moment after the join.
        MyRoom[] rooms = [];
        await Poll.UntilAsync(async () => condition(rooms = await MyRoomsAsync(http)), what);
        return rooms;
    }

    private TestUser SignIn(string displayName)
    {
        // Tokens minted in-process: the shared host's sign-in budget is for the tests of sign-in.
        var session = Host.Services.GetRequiredService<TokenService>().CreateGuest(displayName);
        return new TestUser(session.UserId, session.DisplayName, session.Token);
    }

    private static string RoomsApiNewId() => Endpoints.RoomsApi.NewRoomId();

    private sealed record MyRoomsAnswer(MyRoom[] Rooms);
}
