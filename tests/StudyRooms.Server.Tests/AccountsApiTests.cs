using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using StudyRooms.Contracts.Accounts;
using StudyRooms.Contracts.Protocol;
using StudyRooms.Contracts.Sessions;
using StudyRooms.Testing;

namespace StudyRooms.Server.Tests;

// Password accounts over real HTTP: create, sign in from another device as the same user, a guest
// keeps their identity, wrong answers say nothing about which part was wrong, repeated failures lock
// the account, and the password is stored only as a hash (P-ACCT-1..3).
[Collection(HostCollection.Name)]
public sealed class AccountsApiTests(HostFixture fixture)
{
    private StudyRoomsHost Host => fixture.Host;

    [Fact]
    public async Task AnAccountSignsInOnAnotherDeviceAsTheSameUserWithAWorkingToken_P_ACCT_1_P_ACCT_2()
    {
        var username = NewUsername();
        using var http = Host.CreateHttpClient();

        var created = await http.PostAsJsonAsync("/api/accounts", new CreateAccountRequest { Username = username.ToUpperInvariant(), Password = "correct horse battery", DisplayName = "Ada" }, ServerClient.Json);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var first = (await created.Content.ReadFromJsonAsync<SessionResult>(ServerClient.Json))!;

        var signedIn = await http.PostAsJsonAsync("/api/sessions/password", new PasswordSignInRequest { Username = $" {username} ", Password = "correct horse battery" }, ServerClient.Json);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        var second = (await signedIn.Content.ReadFromJsonAsync<SessionResult>(ServerClient.Json))!;

        Assert.Equal((first.UserId, "Ada"), (second.UserId, second.DisplayName));
        var user = new TestUser(second.UserId, second.DisplayName, second.Token);
        var room = await Host.CreateRoomAsync(user);
        await using var client = await RoomClient.ConnectAsync(Host, user);
        Assert.Equal(first.UserId, (await client.JoinAsync(room.RoomId)).Self.UserId);
    }

    [Fact]
    public async Task AGuestWhoCreatesAnAccountKeepsTheirUserIdAndTheirRooms_P_ACCT_1()
    {
        var guest = await Host.SignInAsync("Bob");
        var room = await Host.CreateRoomAsync(guest);
        using var guestHttp = Host.CreateHttpClient(guest);
        var username = NewUsername();

        var created = await guestHttp.PostAsJsonAsync("/api/accounts", new CreateAccountRequest { Username = username, Password = "a long passphrase", DisplayName = "Bob" }, ServerClient.Json);
        using var http = Host.CreateHttpClient();
        var session = (await (await http.PostAsJsonAsync("/api/sessions/password", new PasswordSignInRequest { Username = username, Password = "a long passphrase" }, ServerClient.Json))
            .Content.ReadFromJsonAsync<SessionResult>(ServerClient.Json))!;

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(guest.UserId, session.UserId);
        await using var client = await RoomClient.ConnectAsync(Host, new TestUser(session.UserId, session.DisplayName, session.Token));
        Assert.Equal(Contracts.Rooms.RoomRole.Owner, (await client.JoinAsync(room.RoomId)).Self.Role);
    }

    [Theory]
    [InlineData("ab", "long enough pass", "INVALID_ACCOUNT")]
    [InlineData("has space", "long enough pass", "INVALID_ACCOUNT")]
    [InlineData("ok_name", "short", "INVALID_ACCOUNT")]
    [InlineData("ok_name", null, "INVALID_ACCOUNT")]
    public async Task BadUsernamesAndPasswordsAreRefusedWithACode_P_ACCT_1(string username, string? password, string code)
    {
        using var http = Host.CreateHttpClient();

        var response = await http.PostAsJsonAsync("/api/accounts", new CreateAccountRequest { Username = username, Password = password, DisplayName = "Cy" }, ServerClient.Json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(code, await CodeOf(response));
    }

    [Fact]
    public async Task ATakenUsernameIsAConflictAndTheFirstAccountIsUntouched_P_ACCT_1()
    {
        var username = NewUsername();
        using var http = Host.CreateHttpClient();
        await http.PostAsJsonAsync("/api/accounts", new CreateAccountRequest { Username = username, Password = "first password", DisplayName = "One" }, ServerClient.Json);

        var again = await http.PostAsJsonAsync("/api/accounts", new CreateAccountRequest { Username = username, Password = "second password", DisplayName = "Two" }, ServerClient.Json);
        var signIn = await http.PostAsJsonAsync("/api/sessions/password", new PasswordSignInRequest { Username = username, Password = "first password" }, ServerClient.Json);

        Assert.Equal((HttpStatusCode.Conflict, ErrorCodes.UsernameTaken), (again.StatusCode, await CodeOf(again)));
        Assert.Equal("One", (await signIn.Content.ReadFromJsonAsync<SessionResult>(ServerClient.Json))!.DisplayName);
    }

    [Fact]
    public async Task AWrongPasswordAndAnUnknownUsernameGetTheSameAnswerAndFiveFailuresLockTheAccount_P_ACCT_2_P_ACCT_3()
    {
        var username = NewUsername();
        using var http = Host.CreateHttpClient();
        await http.PostAsJsonAsync("/api/accounts", new CreateAccountRequest { Username = username, Password = "right password", DisplayName = "Dee" }, ServerClient.Json);

        var unknown = await http.PostAsJsonAsync("/api/sessions/password", new PasswordSignInRequest { Username = NewUsername(), Password = "right password" }, ServerClient.Json);
        Assert.Equal((HttpStatusCode.Unauthorized, ErrorCodes.InvalidCredentials), (unknown.StatusCode, await CodeOf(unknown)));
        for (var i = 0; i < 5; i++)
        {
            var wrong = await http.PostAsJsonAsync("/api/sessions/password", new PasswordSignInRequest { Username = username, Password = "wrong password" }, ServerClient.Json);
            Assert.Equal((HttpStatusCode.Unauthorized, ErrorCodes.InvalidCredentials), (wrong.StatusCode, await CodeOf(wrong)));
        }

        var locked = await http.PostAsJsonAsync("/api/sessions/password", new PasswordSignInRequest { Username = username, Password = "right password" }, ServerClient.Json);
        Assert.Equal((HttpStatusCode.TooManyRequests, ErrorCodes.RateLimited), (locked.StatusCode, await CodeOf(locked)));
        var detail = JsonDocument.Parse(await locked.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString();
        Assert.InRange(RetryHint.Parse(detail) ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(16)); // P-ERR-5
    }

    [Fact]
    public async Task ThePasswordIsStoredOnlyAsAHash_P_ACCT_1()
    {
        var password = "plain-" + Guid.NewGuid().ToString("N");
        using var http = Host.CreateHttpClient();
        var created = await http.PostAsJsonAsync("/api/accounts", new CreateAccountRequest { Username = NewUsername(), Password = password, DisplayName = "Eve" }, ServerClient.Json);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var needle = Encoding.UTF8.GetBytes(password);
        foreach (var file in Directory.EnumerateFiles(Host.DataDirectory, "*", SearchOption.AllDirectories))
        {
            var bytes = await ReadSharedAsync(file);
            Assert.True(bytes.AsSpan().IndexOf(needle) < 0, $"{file} holds the plain password");
        }
    }

    private static async Task<byte[]> ReadSharedAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    private static string NewUsername() => "user_" + Guid.NewGuid().ToString("N")[..12];

    private static async Task<string?> CodeOf(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString();
}
