using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using Microsoft.Extensions.DependencyInjection;
using StudyRooms.Contracts.Rooms;
using StudyRooms.Server.Auth;
using StudyRooms.Testing;

namespace StudyRooms.Server.Tests;

// Proves the origin check of docs/security.md: a page on another origin can neither open the hub's
// WebSocket, negotiate, nor send a state-changing request, even with a valid token; the same origin,
// an origin on the allow-list and clients that send no Origin (not browsers) can; CORS stays off.
public sealed class OriginCheckTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private const string Hostile = "https://evil.example";

    private StudyRoomsHost Host => fixture.Host;

    private string SameOrigin => Host.BaseAddress.GetLeftPart(UriPartial.Authority);

    [Fact]
    public async Task ACrossOriginWebSocketIsRefusedAndTheSameOriginIsNot()
    {
        var user = SignIn(Host);
        var refused = await Assert.ThrowsAsync<WebSocketException>(() => RawHubClient.ConnectAsync(Host.BaseAddress, user.Token, Hostile));
        Assert.Contains("403", refused.Message, StringComparison.Ordinal);

        await using var sameOrigin = await RawHubClient.ConnectAsync(Host.BaseAddress, user.Token, SameOrigin);
        Assert.True(sameOrigin.IsOpen);
        await using var noOrigin = await RawHubClient.ConnectAsync(Host.BaseAddress, user.Token);
        Assert.True(noOrigin.IsOpen);
    }

    [Theory]
    [InlineData(Hostile, HttpStatusCode.Forbidden)]
    [InlineData("null", HttpStatusCode.Forbidden)]
    [InlineData("same", HttpStatusCode.OK)]
    [InlineData(null, HttpStatusCode.OK)]
    public async Task NegotiateAnswersOnlyTheSameOrigin(string? origin, HttpStatusCode expected)
    {
        using var http = Host.CreateHttpClient(SignIn(Host));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/hubs/room/negotiate?negotiateVersion=1");
        AddOrigin(request, origin);
        Assert.Equal(expected, (await http.SendAsync(request)).StatusCode);
    }

    [Theory]
    [InlineData(Hostile, HttpStatusCode.Forbidden)]
    [InlineData("http://127.0.0.1", HttpStatusCode.Forbidden)]
    [InlineData("same", HttpStatusCode.Created)]
    [InlineData(null, HttpStatusCode.Created)]
    public async Task AStateChangingPostAnswersOnlyTheSameOrigin(string? origin, HttpStatusCode expected)
    {
        using var http = Host.CreateHttpClient(SignIn(Host));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/rooms") { Content = JsonContent.Create(new CreateRoomRequest { Name = "Origins" }, options: ServerClient.Json) };
        AddOrigin(request, origin);
        var response = await http.SendAsync(request);
        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Forbidden)
        {
            Assert.Contains("\"code\":\"FORBIDDEN\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task CorsIsOffSoNoOtherOriginMayReadAnAnswer()
    {
        using var http = Host.CreateHttpClient(SignIn(Host));
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/directory");
        preflight.Headers.Add("Origin", Hostile);
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        preflight.Headers.Add("Access-Control-Request-Headers", "authorization");
        var answer = await http.SendAsync(preflight);
        Assert.False(answer.Headers.Contains("Access-Control-Allow-Origin"));

        using var read = new HttpRequestMessage(HttpMethod.Get, "/api/directory");
        read.Headers.Add("Origin", Hostile);
        var directory = await http.SendAsync(read);
        Assert.Equal(HttpStatusCode.OK, directory.StatusCode);
        Assert.False(directory.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task AnOriginOnTheAllowListMayConnectAndPost()
    {
        const string school = "https://school.example";
        await using var host = await StudyRoomsHost.StartAsync(settings: new Dictionary<string, string?> { ["StudyRooms:Origins:Allowed:0"] = school });
        var user = SignIn(host);
        await using (var socket = await RawHubClient.ConnectAsync(host.BaseAddress, user.Token, school))
        {
            Assert.True(socket.IsOpen);
        }

        using var http = host.CreateHttpClient(user);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/rooms") { Content = JsonContent.Create(new CreateRoomRequest { Name = "Allowed" }, options: ServerClient.Json) };
        request.Headers.Add("Origin", school);
        Assert.Equal(HttpStatusCode.Created, (await http.SendAsync(request)).StatusCode);
        await Assert.ThrowsAsync<WebSocketException>(() => RawHubClient.ConnectAsync(host.BaseAddress, user.Token, Hostile));
    }

    private void AddOrigin(HttpRequestMessage request, string? origin)
    {
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin == "same" ? SameOrigin : origin);
        }
    }

    private static TestUser SignIn(StudyRoomsHost host)
    {
        var session = host.Services.GetRequiredService<TokenService>().CreateGuest("Origin tester");
        return new TestUser(session.UserId, session.DisplayName, session.Token);
    }
}
