using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using StudyRooms.Contracts.Protocol;
using StudyRooms.Contracts.Rooms;
using StudyRooms.Testing;

namespace StudyRooms.Server.Tests;

// Proves the HTTP API: guest sessions, room creation and lookup, and coded problem details for bad input.
[Collection(HostCollection.Name)]
public sealed class ApiTests(HostFixture fixture)
{
    private StudyRoomsHost Host => fixture.Host;

    [Fact]
    public async Task ASessionGivesAUserIdAndATokenThatExpiresLater() // P-AUTH-1
    {
        using var http = Host.CreateHttpClient();

        var response = await http.PostAsJsonAsync("/api/sessions", new { displayName = "  Ada Lovelace  " });

        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Ada Lovelace", body.GetProperty("displayName").GetString());
        Assert.StartsWith("u_", body.GetProperty("userId").GetString());
        Assert.Equal(3, body.GetProperty("token").GetString()!.Split('.').Length);
        Assert.True(body.GetProperty("expiresAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddDays(1));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("a\u0007bell")]
    [InlineData("This display name is far too long to show beside a cursor")]
    public async Task ABadDisplayNameIsRefusedWithInvalidDisplayName(string name) // P-AUTH-2
    {
        using var http = Host.CreateHttpClient();

        var response = await http.PostAsJsonAsync("/api/sessions", new { displayName = name });

        await AssertProblem(response, HttpStatusCode.BadRequest, ErrorCodes.InvalidDisplayName);
    }

    [Fact]
    public async Task ASessionRequestWithoutBodyFieldsIsRefusedNotCrashed()
    {
        using var http = Host.CreateHttpClient();

        var response = await http.PostAsJsonAsync("/api/sessions", new { });

        await AssertProblem(response, HttpStatusCode.BadRequest, ErrorCodes.InvalidDisplayName);
    }

    [Fact]
    public async Task CreatingARoomAnswersItsUnguessableIdAndLink() // P-ROOM-1, P-ROOM-2
    {
        var ada = await Host.SignInAsync("Ada");
        using var http = Host.CreateHttpClient(ada);

        var response = await http.PostAsJsonAsync("/api/rooms", new { name = " Calculus ", topic = "Limits" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var room = (await response.Content.ReadFromJsonAsync<RoomSnapshot>(ServerClient.Json))!;
        Assert.Matches("^[A-Za-z0-9_-]{22}$", room.RoomId);
        Assert.Equal("Calculus", room.Name);
        Assert.Equal($"/r/{room.RoomId}", room.Link);
        Assert.Equal(room.Link, response.Headers.Location!.OriginalString);

        var fetched = await http.GetFromJsonAsync<RoomSnapshot>($"/api/rooms/{room.RoomId}", ServerClient.Json);
        Assert.Equal(room, fetched);
    }

    [Fact]
    public async Task CreatingARoomWithoutATokenIsUnauthorized()
    {
        using var http = Host.CreateHttpClient();

        var response = await http.PostAsJsonAsync("/api/rooms", new { name = "Calculus" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ATokenSignedWithAnotherKeyIsUnauthorized()
    {
        var ada = await Host.SignInAsync("Ada");
        var forged = ada with { Token = ada.Token[..^4] + (ada.Token.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA") };
        using var http = Host.CreateHttpClient(forged);

        var response = await http.PostAsJsonAsync("/api/rooms", new { name = "Calculus" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("", "topic")]
    [InlineData("Name\nwith newline", "")]
    [InlineData("ok", "a topic that goes on and on for far longer than anybody would ever type into a topic box")]
    public async Task ABadRoomIsRefusedWithInvalidRoom(string name, string topic) // P-ROOM-1
    {
        var ada = await Host.SignInAsync("Ada");
        using var http = Host.CreateHttpClient(ada);

        var response = await http.PostAsJsonAsync("/api/rooms", new { name, topic });

        await AssertProblem(response, HttpStatusCode.BadRequest, ErrorCodes.InvalidRoom);
    }

    [Theory]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("short")]
    public async Task AnUnknownRoomIsNotFound(string roomId)
    {
        var ada = await Host.SignInAsync("Ada");
        using var http = Host.CreateHttpClient(ada);

        var response = await http.GetAsync($"/api/rooms/{roomId}");

        await AssertProblem(response, HttpStatusCode.NotFound, ErrorCodes.RoomNotFound);
    }

    [Fact]
    public async Task PagesCarrySecurityHeaders()
    {
        using var http = Host.CreateHttpClient();

        var response = await http.GetAsync("/health");

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }

    private static async Task AssertProblem(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }
}
