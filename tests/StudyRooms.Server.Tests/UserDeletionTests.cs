using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using StudyRooms.Contracts.Accounts;
using StudyRooms.Contracts.Lobby;
using StudyRooms.Contracts.Sessions;
using StudyRooms.Contracts.Stats;
using StudyRooms.Testing;

namespace StudyRooms.Server.Tests;

// Proves in both deployment modes that a user who deletes themselves (DELETE /api/me, P-ACCT-4) loses
// their account (username and password hash), their lobby list and their study stats (goals and
// recaps), that their token and their password stop working, and that their hub connection is closed.
// No SQLite row and no Redis key names their username afterwards; their user id and display name
// remain only in the data of the room they were in, which this version does not yet anonymise
// (docs/security.md, "Deleting a user"): the test asserts exactly that.
public sealed class UserDeletionTests : IAsyncLifetime
{
    private const string Password = "correct horse battery";

    private RedisServer _redis = null!;

    public async Task InitializeAsync() => _redis = await RedisServer.StartAsync();

    public async Task DisposeAsync() => await _redis.DisposeAsync();

    [Fact]
    public async Task DeletingAUserLeavesNoAccountListOrStatsOfThemInTheSqliteFile_P_ACCT_4()
    {
        await using var host = await StudyRoomsHost.StartAsync();
        var database = Path.Combine(host.DataDirectory, "studyrooms.db");

        await DeleteUserAsync(host, text => StoredData.SqliteRowsMentioningAsync(database, text));
    }

    [Fact]
    public async Task DeletingAUserLeavesNoAccountListOrStatsOfThemInRedis_P_ACCT_4()
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
        await using var owner = await RoomClient.ConnectAsync(host, ada);
        await using var member = await RoomClient.ConnectAsync(host, zed);
        await owner.JoinAsync(room.RoomId);
        await member.JoinAsync(room.RoomId);
        await member.PushAsync(room.RoomId, member.Stroke());
        await member.PostAsync(room.RoomId, "My notes on lenses");
        await owner.PostAsync(room.RoomId, "Ada's own message");

        // The user's own stats, as a sprint's end records them (focus credit, goal and recap).
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        var stats = grains.GetGrain<IUserStatsGrain>(zed.UserId);
        var now = DateTimeOffset.UtcNow;
        await stats.RecordFocusAsync(new FocusCredit { UserId = zed.UserId, DisplayName = displayName, RoomId = room.RoomId, SprintId = "s1", BlockStartedAt = now.AddMinutes(-25), BlockEndedAt = now, Credited = TimeSpan.FromMinutes(25), CompletesSprint = true });
        await stats.RecordRecapAsync(new FocusRecap { UserId = zed.UserId, RoomId = room.RoomId, SprintId = "s1", Goal = "Read chapter 3", Outcome = GoalOutcome.Done, Note = "done", RecordedAt = now });
        await Poll.UntilAsync(async () => (await grains.GetGrain<IUserRoomsGrain>(zed.UserId).ListAsync()).Length == 1, "the room is on the user's lobby list");
        Assert.NotEmpty(await storedMentions(username));
        var before = await storedMentions(zed.UserId);
        Assert.Contains(before, m => !m.Contains(room.RoomId, StringComparison.Ordinal));

        // The display name typed exactly, and only the caller's own account.
        var other = await CreateAccountAsync(host, "zo" + unique, "Other" + unique);
        Assert.Equal(HttpStatusCode.BadRequest, (await DeleteMeAsync(zedHttp, displayName.ToUpperInvariant(), username)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await DeleteMeAsync(zedHttp, displayName, "zo" + unique)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await DeleteMeAsync(zedHttp, displayName, username)).StatusCode);

        await Poll.UntilAsync(() => member.Connection.State == HubConnectionState.Disconnected, "the deleted user's hub connection is closed");
        Assert.Equal(HttpStatusCode.Unauthorized, (await zedHttp.GetAsync("/api/me/rooms")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await zedHttp.PostAsync("/api/sessions/refresh", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await DeleteMeAsync(zedHttp, displayName, username)).StatusCode);
        await Assert.ThrowsAnyAsync<Exception>(() => RoomClient.ConnectAsync(host, zed));

        // Nothing names the username; the user id and display name remain only in the room's data.
        IReadOnlyList<string> left = [];
        try
        {
            await Poll.UntilAsync(async () => (left = await storedMentions(username)).Count == 0, "no stored data names the username");
            await Poll.UntilAsync(
                async () => (left = [.. await storedMentions(zed.UserId), .. await storedMentions(displayName)]).All(m => m.Contains(room.RoomId, StringComparison.Ordinal)),
                "the user id and display name remain only in the room's data");
        }
        catch (Exception)
        {
            Assert.Fail("stored data still names the user outside the room: " + string.Join("; ", left));
        }

        // The password signs in no more. (After the scan: a sign-in attempt activates the account grain
        // of that name, and in Redis mode the grain directory names an activation while it lives.)
        using (var anonymous = host.CreateHttpClient())
        {
            var signIn = await anonymous.PostAsJsonAsync("/api/sessions/password", new PasswordSignInRequest { Username = username, Password = Password }, ServerClient.Json);
            Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);
        }

        // The other people's data is intact, and so is the other account.
        var adaMessages = await owner.Connection.InvokeAsync<StudyRooms.Contracts.Chat.LoadMessagesResult>("LoadMessages", new StudyRooms.Contracts.Chat.LoadMessagesRequest { RoomId = room.RoomId });
        Assert.Contains(adaMessages.Messages, m => m.Text == "Ada's own message" && m.AuthorId == ada.UserId);
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

    private static Task<HttpResponseMessage> DeleteMeAsync(HttpClient http, string displayName, string username) =>
        http.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/me") { Content = JsonContent.Create(new DeleteMeRequest { DisplayName = displayName, Username = username }, options: ServerClient.Json) });
}
