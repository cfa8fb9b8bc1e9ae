using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using StudyRooms.Contracts.Sessions;
using StudyRooms.Testing;

namespace StudyRooms.Server.Tests;

// Proves that tokens expire and are refreshed (P-AUTH-3): a still-valid token buys a fresh one for
// the same user; an expired one is refused everywhere; a hub connection is closed by the server when
// the token it opened with expires, and a client that asks its token factory again reconnects with
// the fresh token. The host's clock is a FakeTimeProvider, so expiry comes without waiting.
public sealed class TokenLifetimeTests : IAsyncLifetime
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private StudyRoomsHost _host = null!;

    public async Task InitializeAsync() => _host = await StudyRoomsHost.StartAsync(
        dataDirectory: null,
        settings: new Dictionary<string, string?> { ["StudyRooms:Auth:TokenLifetime"] = Lifetime.ToString() },
        services: services => services.AddSingleton<TimeProvider>(_clock));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ARefreshGivesTheSameUserAFreshTokenAndAnExpiredTokenIsRefused_P_AUTH_3()
    {
        var first = await _host.SignInAsync("Ada");
        _clock.Advance(TimeSpan.FromMinutes(6));

        var refreshed = await RefreshAsync(first.Token);

        Assert.Equal(HttpStatusCode.OK, refreshed.Status);
        var second = refreshed.Session!;
        Assert.Equal((first.UserId, first.DisplayName), (second.UserId, second.DisplayName));
        Assert.NotEqual(first.Token, second.Token);
        Assert.Equal(_clock.GetUtcNow() + Lifetime, second.ExpiresAt);

        // Past the first token's expiry (and the one minute of clock skew allowed): it is refused,
        // the fresh one still works, also for another refresh.
        _clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(first.Token)).Status);
        Assert.Equal(HttpStatusCode.OK, (await RefreshAsync(second.Token)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(token: null)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(second.Token[..^2] + "AA")).Status);
    }

    [Fact]
    public async Task AHubConnectionIsClosedWhenItsTokenExpiresAndReconnectsWithTheFreshOne_P_AUTH_3()
    {
        var first = await _host.SignInAsync("Bob");
        var current = first.Token;
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(_host.BaseAddress, "/hubs/room"), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.AccessTokenProvider = () => Task.FromResult<string?>(current);
            })
            .Build();
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        await connection.StartAsync();
        var firstConnectionId = connection.ConnectionId;

        // Before expiry the client refreshes; the open connection keeps the token it opened with.
        _clock.Advance(TimeSpan.FromMinutes(6));
        current = (await RefreshAsync(first.Token)).Session!.Token;
        Assert.Equal(HubConnectionState.Connected, connection.State);

        _clock.Advance(TimeSpan.FromMinutes(4) + TimeSpan.FromSeconds(1));
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(HubConnectionState.Disconnected, connection.State);

        // Started again, the connection asks its token factory and gets in with the fresh token.
        await connection.StartAsync();
        Assert.Equal(HubConnectionState.Connected, connection.State);
        Assert.NotEqual(firstConnectionId, connection.ConnectionId);

        // An expired token does not open a connection at all.
        await using var stale = new HubConnectionBuilder()
            .WithUrl(new Uri(_host.BaseAddress, "/hubs/room"), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.AccessTokenProvider = () => Task.FromResult<string?>(first.Token);
            })
            .Build();
        _clock.Advance(TimeSpan.FromMinutes(1));
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => stale.StartAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    private async Task<(HttpStatusCode Status, SessionResult? Session)> RefreshAsync(string? token)
    {
        using var http = new HttpClient { BaseAddress = _host.BaseAddress };
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await http.PostAsync("/api/sessions/refresh", content: null);
        return response.StatusCode == HttpStatusCode.OK
            ? (response.StatusCode, await response.Content.ReadFromJsonAsync<SessionResult>(ServerClient.Json))
            : (response.StatusCode, null);
    }
}
