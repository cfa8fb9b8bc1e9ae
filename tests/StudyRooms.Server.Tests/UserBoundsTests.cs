using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using StudyRooms.Contracts.Accounts;
using StudyRooms.Contracts.Protocol;
using StudyRooms.Contracts.Rooms;
using StudyRooms.Server.Hubs;
using StudyRooms.Testing;

namespace StudyRooms.Server.Tests;

// Proves the per-user bounds through the real host (docs/security.md, "Bounds"): a user owns at most
// MaxOwnedRoomsPerUser rooms (P-LIFE-7) and holds at most MaxConnectionsPerUser hub connections on a
// server (P-CONN-1). Its own host, with bounds of 2 so the tests stay small.
public sealed class UserBoundsTests : IAsyncLifetime
{
    private const int MaxRooms = 2;
    private const int MaxConnections = 2;
    private StudyRoomsHost _host = null!;

    public async Task InitializeAsync() => _host = await StudyRoomsHost.StartAsync(settings: new Dictionary<string, string?>
    {
        ["StudyRooms:RateLimits:MaxOwnedRoomsPerUser"] = MaxRooms.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["StudyRooms:MaxConnectionsPerUser"] = MaxConnections.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task TheRoomPastTheBoundIsRefusedWithTooManyRoomsAndNothingIsCreatedUntilOneIsDeleted_P_LIFE_7()
    {
        var ada = await _host.SignInAsync("Ada");
        var bob = await _host.SignInAsync("Bob");
        var first = await _host.CreateRoomAsync(ada, name: "Algebra");
        await _host.CreateRoomAsync(ada, name: "Geometry");
        var footprint = _host.Services.GetRequiredService<IGrainFactory>().GetGrain<IUserFootprintGrain>(ada.UserId);
        var roomsBefore = await footprint.ListAsync();

        using var adaHttp = _host.CreateHttpClient(ada);
        var refused = await adaHttp.PostAsJsonAsync("/api/rooms", new CreateRoomRequest { Name = "Calculus", Topic = "Limits" }, ServerClient.Json);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(ErrorCodes.TooManyRooms, problem.GetProperty("code").GetString());
        Assert.Contains($"you own {MaxRooms} rooms", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("delete one of them first", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // Nothing was created: the user's footprint (every room they created) and owned count are unchanged.
        Assert.Equal(roomsBefore.Order(), (await footprint.ListAsync()).Order());
        Assert.Equal(MaxRooms, await footprint.CountOwnedRoomsAsync());

        // The bound is per user: another user still creates rooms.
        await _host.CreateRoomAsync(bob, name: "Physics");

        // Deleting one frees a place (P-LIFE-4 forgets it on the footprint).
        var deleted = await adaHttp.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/rooms/{first.RoomId}")
        {
            Content = JsonContent.Create(new DeleteRoomRequest { Name = "Algebra" }, options: ServerClient.Json),
        });
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(MaxRooms - 1, await footprint.CountOwnedRoomsAsync());
        await _host.CreateRoomAsync(ada, name: "Calculus");
        Assert.Equal(MaxRooms, await footprint.CountOwnedRoomsAsync());
    }

    [Fact]
    public async Task TheConnectionPastTheBoundIsClosedWithTooManyConnectionsUntilOneCloses_P_CONN_1()
    {
        var ada = await _host.SignInAsync("Ada");
        var bob = await _host.SignInAsync("Bob");
        var roomId = (await _host.CreateRoomAsync(bob)).RoomId;
        var open = _host.Services.GetRequiredService<OpenConnections>();
        await using var one = await RoomClient.ConnectAsync(_host, ada);
        await using var two = await RoomClient.ConnectAsync(_host, ada);
        await one.JoinAsync(roomId);
        Assert.Equal(MaxConnections, open.CountOf(ada.UserId));

        // A client that negotiates is refused there: 429 with the code, before any socket opens.
        using (var adaHttp = _host.CreateHttpClient(ada))
        {
            var negotiate = await adaHttp.PostAsync("/hubs/room/negotiate?negotiateVersion=1", content: null);
            Assert.Equal(HttpStatusCode.TooManyRequests, negotiate.StatusCode);
            var problem = JsonDocument.Parse(await negotiate.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal(ErrorCodes.TooManyConnections, problem.GetProperty("code").GetString());
            Assert.Contains($"already has {MaxConnections} open connections", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        // One that skips negotiation completes the handshake, then the server closes it with the coded reason.
        var extra = new HubConnectionBuilder()
            .WithUrl(new Uri(_host.BaseAddress, "/hubs/room"), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
                options.AccessTokenProvider = () => Task.FromResult<string?>(ada.Token);
            })
            .Build();
        var closed = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        extra.Closed += error =>
        {
            closed.TrySetResult(error);
            return Task.CompletedTask;
        };
        try
        {
            await extra.StartAsync();
        }
        catch (Exception e)
        {
            closed.TrySetResult(e);
        }

        var error = await closed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.NotNull(error);
        Assert.Contains($"HubException: {ErrorCodes.TooManyConnections}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains($"already has {MaxConnections} open connections", error.Message, StringComparison.Ordinal);
        Assert.Equal(HubConnectionState.Disconnected, extra.State);
        await extra.DisposeAsync();
        Assert.Equal(MaxConnections, open.CountOf(ada.UserId));

        // The refused connection changed nothing: the first connection still works in its room.
        await one.PushAsync(roomId, one.Stroke());

        // Another user still connects.
        await using var bobs = await RoomClient.ConnectAsync(_host, bob);
        await bobs.JoinAsync(roomId);

        // Closing one of Ada's connections frees a place.
        await two.Connection.StopAsync();
        await Poll.UntilAsync(() => open.CountOf(ada.UserId) == MaxConnections - 1, "the closed connection is no longer counted");
        await using var three = await RoomClient.ConnectAsync(_host, ada);
        await three.JoinAsync(roomId);
        Assert.Equal(MaxConnections, open.CountOf(ada.UserId));
    }
}
