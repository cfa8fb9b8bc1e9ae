using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using StudyRooms.Contracts.Accounts;
using StudyRooms.Contracts.Chat;
using StudyRooms.Contracts.Lobby;
using StudyRooms.Contracts.Resources;
using StudyRooms.Contracts.Rooms;
using StudyRooms.Contracts.Sessions;
using StudyRooms.Contracts.Sprints;
using StudyRooms.Contracts.Stats;
using StudyRooms.Testing;

namespace StudyRooms.Server.Tests;

// Proves in both deployment modes that a user who deletes themselves (DELETE /api/me, P-ACCT-4) loses
// their account, lobby list, footprint and study stats, that their token and password stop working
// and their hub connection is closed, that the room they own is deleted, and that in a room they
// chatted, drew, reacted, pinned, held a role, sprinted and ranked in, what others see stays with a
// "deleted user" marker as author while the rest of theirs goes: afterwards no SQLite row and no
// Redis key names their user id, display name, username or owned room, and other people's data is intact.
public sealed class UserDeletionTests : IAsyncLifetime
{
    private const string Password = "correct horse battery";

    private RedisServer _redis = null!;

    public async Task InitializeAsync() => _redis = await RedisServer.StartAsync();

    public async Task DisposeAsync() => await _redis.DisposeAsync();

    [Fact]
    public async Task DeletingAUserLeavesNothingNamingThemInTheSqliteFileAndAnonymisesWhatOthersSee_P_ACCT_4()
    {
        await using var host = await StudyRoomsHost.StartAsync();
        var database = Path.Combine(host.DataDirectory, "studyrooms.db");

        await DeleteUserAsync(host, text => StoredData.SqliteRowsMentioningAsync(database, text));
    }

    [Fact]
    public async Task DeletingAUserLeavesNothingNamingThemInRedisAndAnonymisesWhatOthersSee_P_ACCT_4()
    {
        var prefix = "udel" + Guid.NewGuid().ToString("N")[..8];
        await using var host = await StudyRoomsHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["StudyRooms:Redis"] = _redis.ConnectionString,
            ["StudyRooms:KeyPrefix"] = prefix,
            ["StudyRooms:ClusterId"] = prefix,
            ["StudyRooms:AdvertisedIp"] = "127.0.0.1",
            ["StudyRooms:Auth:SigningKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
        });
        using (var http = host.CreateHttpClient())
        {
            await Poll.UntilAsync(async () => (await http.GetAsync("/ready")).StatusCode == HttpStatusCode.OK, "/ready answers 200 in Redis mode");
        }

        await DeleteUserAsync(host, text => StoredData.RedisKeysMentioningAsync(_redis.ConnectionString, text));
    }

    private static async Task DeleteUserAsync(StudyRoomsHost host, Func<string, Task<IReadOnlyList<string>>> storedMentions)
    {
        var unique = Guid.NewGuid().ToString("N")[..10];
        var username = "zq" + unique;
        var displayName = "Zephyrine" + unique;
        var ada = await host.SignInAsync("Ada");
        var zed = await CreateAccountAsync(host, username, displayName);
        using var adaHttp = host.CreateHttpClient(ada);
        using var zedHttp = host.CreateHttpClient(zed);
        var room = await host.CreateRoomAsync(ada, "Optics");
        var owned = await host.CreateRoomAsync(zed, "Zed's own room");
        await using var owner = await RoomClient.ConnectAsync(host, ada);
        await using var member = await RoomClient.ConnectAsync(host, zed);
        await owner.JoinAsync(room.RoomId);
        await member.JoinAsync(room.RoomId);

        // In Ada's room the user draws, writes, reacts, reads, is mentioned, pins, gets a role and
        // takes part in a sprint with a goal and a recap; Ada draws and writes beside them.
        var adaElement = owner.Stroke();
        await owner.PushAsync(room.RoomId, adaElement);
        var zedElement = member.Stroke();
        await member.PushAsync(room.RoomId, zedElement);
        var zedMessage = await member.PostAsync(room.RoomId, "My notes on lenses");
        var adaMessage = await owner.PostAsync(room.RoomId, "Ada's own message", mentions: [zed.UserId]);
        await member.Connection.InvokeAsync<ChatMessage>("ReactToMessage", new ReactToMessageRequest { RoomId = room.RoomId, Seq = adaMessage.Seq, Emoji = "👍" });
        await member.Connection.InvokeAsync<ChatUnread>("MarkRead", new MarkReadRequest { RoomId = room.RoomId, Seq = adaMessage.Seq });
        await owner.Connection.InvokeAsync("SetRole", new SetRoleRequest { RoomId = room.RoomId, UserId = zed.UserId, Role = RoomRole.Mentor });
        await member.Connection.InvokeAsync<ResourceItem>("PinResource", new PinResourceRequest { RoomId = room.RoomId, Kind = ResourceKind.Note, Text = "Snell's law sheet" });
        await owner.Connection.InvokeAsync<SprintSnapshot>("StartSprint", new StartSprintRequest { RoomId = room.RoomId, Preset = "25/5" });
        await member.Connection.InvokeAsync<SprintSnapshot>("JoinSprint", new SprintGoalRequest { RoomId = room.RoomId, Goal = "Refraction problems" });
        await owner.Connection.InvokeAsync<SprintSnapshot>("SkipSprintPhase", new SprintRequest { RoomId = room.RoomId });
        await member.Connection.InvokeAsync<SprintRecapsUpdated>("SubmitRecap", new SubmitRecapRequest { RoomId = room.RoomId, BlockIndex = 0, Outcome = GoalOutcome.Done, Note = "all six" });

        // In their own room, Ada writes and draws too.
        await owner.JoinAsync(owned.RoomId);
        await member.JoinAsync(owned.RoomId);
        await owner.PostAsync(owned.RoomId, "Ada in Zed's room");
        await owner.PushAsync(owned.RoomId, owner.Stroke());
        await member.PostAsync(owned.RoomId, "Zed in Zed's room");

        // In a third room Ada bans the user, which keeps their name for the ban list (P-MOD-9).
        var strict = await host.CreateRoomAsync(ada, "Strict room");
        await using (var banned = await RoomClient.ConnectAsync(host, zed))
        {
            await owner.JoinAsync(strict.RoomId);
            await banned.JoinAsync(strict.RoomId);
            await owner.Connection.InvokeAsync("RemoveParticipant", new RemoveParticipantRequest { RoomId = strict.RoomId, UserId = zed.UserId, Ban = true });
        }

        Assert.Equal(displayName, Assert.Single(await owner.Connection.InvokeAsync<BannedUser[]>("ListBans", new ListBansRequest { RoomId = strict.RoomId })).DisplayName);

        // The user's own stats and the room's leaderboard, as a sprint's end records them.
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        var stats = grains.GetGrain<IUserStatsGrain>(zed.UserId);
        var now = DateTimeOffset.UtcNow;
        var credit = new FocusCredit { UserId = zed.UserId, DisplayName = displayName, RoomId = room.RoomId, SprintId = "s1", BlockStartedAt = now.AddMinutes(-25), BlockEndedAt = now, Credited = TimeSpan.FromMinutes(25), CompletesSprint = true };
        await stats.RecordFocusAsync(credit);
        await grains.GetGrain<IRoomLeaderboardGrain>(room.RoomId).RecordFocusAsync(credit);
        await stats.RecordRecapAsync(new FocusRecap { UserId = zed.UserId, RoomId = room.RoomId, SprintId = "s1", Goal = "Read chapter 3", Outcome = GoalOutcome.Done, Note = "done", RecordedAt = now });
        Assert.Contains((await grains.GetGrain<IRoomLeaderboardGrain>(room.RoomId).GetLeaderboardAsync(LeaderboardPeriod.All, 10)).Entries, e => e.UserId == zed.UserId);
        await Poll.UntilAsync(async () => (await grains.GetGrain<IUserRoomsGrain>(zed.UserId).ListAsync()).Select(r => r.RoomId).Intersect([room.RoomId, owned.RoomId]).Count() == 2, "both rooms are on the user's lobby list");
        Assert.NotEmpty(await storedMentions(username));
        Assert.NotEmpty(await storedMentions(displayName));
        Assert.Contains(await storedMentions(zed.UserId), m => m.Contains(room.RoomId, StringComparison.Ordinal));
        Assert.NotEmpty(await storedMentions(owned.RoomId));

        // The display name typed exactly, and only the caller's own account.
        var other = await CreateAccountAsync(host, "zo" + unique, "Other" + unique);
        Assert.Equal(HttpStatusCode.BadRequest, (await DeleteMeAsync(zedHttp, displayName.ToUpperInvariant(), username)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await DeleteMeAsync(zedHttp, displayName, "zo" + unique)).StatusCode);
        // Without the username (a browser that signed in before it kept one): the server finds the
        // account itself, from the footprint noted at sign-up.
        Assert.Equal(HttpStatusCode.NoContent, (await DeleteMeAsync(zedHttp, displayName, username: null)).StatusCode);

        await Poll.UntilAsync(() => member.Connection.State == HubConnectionState.Disconnected, "the deleted user's hub connection is closed");
        Assert.Equal(HttpStatusCode.Unauthorized, (await zedHttp.GetAsync("/api/me/rooms")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await zedHttp.PostAsync("/api/sessions/refresh", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await DeleteMeAsync(zedHttp, displayName, username)).StatusCode);
        await Assert.ThrowsAnyAsync<Exception>(() => RoomClient.ConnectAsync(host, zed));

        // Nothing stored names the user (id, display name, username) or the room they owned.
        IReadOnlyList<string> left = [];
        try
        {
            await Poll.UntilAsync(
                async () => (left = [.. await storedMentions(username), .. await storedMentions(zed.UserId), .. await storedMentions(displayName), .. await storedMentions(owned.RoomId)]).Count == 0,
                "no stored data names the user or their room",
                // Erasure runs room by room and the deleted room's grains leave the Redis grain directory
                // only once they deactivate: on a loaded machine that can take longer than the default.
                TimeSpan.FromSeconds(60));
        }
        catch (Exception)
        {
            Assert.Fail("stored data still names the user or their room: " + string.Join("; ", left));
        }

        // The password signs in no more. (After the scan: a sign-in attempt activates the account grain
        // of that name, and in Redis mode the grain directory names an activation while it lives.)
        using (var anonymous = host.CreateHttpClient())
        {
            var signIn = await anonymous.PostAsJsonAsync("/api/sessions/password", new PasswordSignInRequest { Username = username, Password = Password }, ServerClient.Json);
            Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);
        }

        // The owned room is gone; in Ada's room her message and element are intact, the user's stay
        // with the "deleted user" marker as author, and the user's pin stays with the marker as adder.
        Assert.Null(await grains.GetGrain<IRoomGrain>(owned.RoomId).GetAsync());
        var messages = (await owner.LoadMessagesAsync(room.RoomId)).Messages;
        var adaKept = Assert.Single(messages, m => m.Seq == adaMessage.Seq);
        Assert.Equal(("Ada's own message", ada.UserId, "Ada"), (adaKept.Text, adaKept.AuthorId, adaKept.AuthorName));
        Assert.Empty(adaKept.Mentions);
        Assert.Empty(adaKept.Reactions);
        var zedKept = Assert.Single(messages, m => m.Seq == zedMessage.Seq);
        Assert.Equal(("My notes on lenses", DeletedUsers.MarkerId, DeletedUsers.MarkerName), (zedKept.Text, zedKept.AuthorId, zedKept.AuthorName));
        await using var viewer = await RoomClient.ConnectAsync(host, ada);
        var board = (await viewer.JoinAsync(room.RoomId)).Board!;
        Assert.Equal(ada.UserId, Assert.Single(board.Elements, e => e.Id == adaElement.ElementId).CreatedBy);
        Assert.Equal(DeletedUsers.MarkerId, Assert.Single(board.Elements, e => e.Id == zedElement.ElementId).CreatedBy);
        var shelf = await owner.Connection.InvokeAsync<ResourceShelf>("ListResources", new ListResourcesRequest { RoomId = room.RoomId });
        Assert.Equal((DeletedUsers.MarkerId, DeletedUsers.MarkerName), (Assert.Single(shelf.Items).AddedBy, shelf.Items[0].AddedByName));
        Assert.Empty(await owner.Connection.InvokeAsync<BannedUser[]>("ListBans", new ListBansRequest { RoomId = strict.RoomId }));
        Assert.DoesNotContain((await grains.GetGrain<IRoomLeaderboardGrain>(room.RoomId).GetLeaderboardAsync(LeaderboardPeriod.All, 10)).Entries, e => e.UserId == zed.UserId);
        Assert.Equal(HttpStatusCode.OK, (await adaHttp.GetAsync("/api/me/rooms")).StatusCode);
        Assert.Equal(other.UserId, (await grains.GetGrain<IAccountGrain>("zo" + unique).GetCredentialsAsync())?.UserId);
        var erased = await stats.GetStatsAsync("UTC");
        Assert.Equal((0, 0), (erased.FocusBlocks, erased.Recaps));
    }

    private static async Task<TestUser> CreateAccountAsync(StudyRoomsHost host, string username, string displayName)
    {
        using var http = host.CreateHttpClient();
        var response = await http.PostAsJsonAsync("/api/accounts", new CreateAccountRequest { Username = username, Password = Password, DisplayName = displayName }, ServerClient.Json);
        response.EnsureSuccessStatusCode();
        var session = (await response.Content.ReadFromJsonAsync<SessionResult>(ServerClient.Json))!;
        return new TestUser(session.UserId, session.DisplayName, session.Token);
    }

    private static Task<HttpResponseMessage> DeleteMeAsync(HttpClient http, string displayName, string? username) =>
        http.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/me") { Content = JsonContent.Create(new DeleteMeRequest { DisplayName = displayName, Username = username }, options: ServerClient.Json) });
}
