using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using StudyRooms.Contracts.Boards;
using StudyRooms.Server.Hubs;
using Microsoft.Extensions.DependencyInjection;
using StudyRooms.Testing;

namespace StudyRooms.Server.Tests;

// Proves that a client that stops reading is disconnected instead of growing the server's memory,
// while a normal client in the same room receives every broadcast (docs/operations.md, "Slow readers").
// Its own host: a short send timeout, and the push limit raised so one user can fill the pipes fast.
public sealed class SlowReaderTests : IAsyncLifetime
{
    private const int Pushes = 60;
    private StudyRoomsHost _host = null!;

    public async Task InitializeAsync() => _host = await StudyRoomsHost.StartAsync(settings: new Dictionary<string, string?>
    {
        ["StudyRooms:ConnectionSendTimeout"] = "00:00:02",
        ["StudyRooms:Board:PushesPerSecondPerUser"] = "1000",
        ["StudyRooms:Board:PushBurstPerUser"] = "1000",
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task AClientThatStopsReadingIsDisconnectedWhileOthersReceiveEveryEdit()
    {
        var ada = await _host.SignInAsync("Ada");
        var bob = await _host.SignInAsync("Bob");
        var stalled = await _host.SignInAsync("Stalled");
        var roomId = (await _host.CreateRoomAsync(ada)).RoomId;
        await using var writer = await RoomClient.ConnectAsync(_host, ada);
        await writer.JoinAsync(roomId);
        await using var reader = await RoomClient.ConnectAsync(_host, bob);
        await reader.JoinAsync(roomId);
        await using var slow = await StalledReader.JoinAsync(_host.BaseAddress, stalled.Token, roomId);
        var open = _host.Services.GetRequiredService<OpenConnections>();
        await Poll.UntilAsync(() => reader.ParticipantJoined.Any(e => e.Participant.UserId == stalled.UserId), "the stalled client is in the room");
        var openBefore = open.Count;

        // About 13 MB of edits, far past what the stalled client's socket and the server's buffer hold.
        var pushed = new List<string>();
        for (var i = 0; i < Pushes; i++)
        {
            var stroke = BigStroke(writer, i);
            await writer.PushAsync(roomId, stroke);
            pushed.Add(stroke.ElementId!);
        }

        // The server closes the stalled connection (its user leaves the room) ...
        await Poll.UntilAsync(() => reader.ParticipantLeft.Any(e => e.UserId == stalled.UserId), "the server disconnects the client that stopped reading", TimeSpan.FromSeconds(30));
        Assert.Equal(openBefore - 1, open.Count);

        // ... and the client that reads got every edit, in order.
        await Poll.UntilAsync(() => reader.OpsApplied.Count == Pushes, $"the reading client receives all {Pushes} edits");
        Assert.Equal(pushed, reader.OpsApplied.Select(e => e.Ops.Single().ElementId));
        var clocks = reader.OpsApplied.Select(e => e.Ops.Single().Clock).ToArray();
        Assert.Equal(clocks.Order(), clocks);
    }

    /// <summary>A freehand stroke of 20,000 numbers (the most one element may carry), about 220 KB as JSON.</summary>
    private static ElementOp BigStroke(RoomClient client, int index)
    {
        var points = new double[20_000];
        for (var i = 0; i < points.Length; i++)
        {
            points[i] = 100_000.123 + (i * 7 % 9_000) + index;
        }

        var stroke = client.Stroke();
        return stroke with { Props = stroke.Props! with { Points = points } };
    }

    /// <summary>
    /// A hand-spoken SignalR client over a socket with a tiny receive buffer that joins a room and then
    /// never reads again, as a stalled or malicious browser would.
    /// </summary>
    private sealed class StalledReader : IAsyncDisposable
    {
        private readonly ClientWebSocket _socket;
        private readonly HttpMessageInvoker _invoker;

        private StalledReader(ClientWebSocket socket, HttpMessageInvoker invoker)
        {
            _socket = socket;
            _invoker = invoker;
        }

        public static async Task<StalledReader> JoinAsync(Uri baseAddress, string token, string roomId)
        {
            var handler = new SocketsHttpHandler
            {
                ConnectCallback = async (context, cancellationToken) =>
                {
                    var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 4096, NoDelay = true };
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                },
            };
            var invoker = new HttpMessageInvoker(handler);
            var ws = new ClientWebSocket();
            await ws.ConnectAsync(RawHubClient.HubUri(baseAddress, token), invoker, CancellationToken.None);
            var client = new StalledReader(ws, invoker);
            await client.SendAsync("{\"protocol\":\"json\",\"version\":1}");
            await client.SendAsync("{\"type\":1,\"invocationId\":\"1\",\"target\":\"JoinRoom\",\"arguments\":[{\"protocolVersion\":1,\"roomId\":\"" + roomId + "\",\"clientId\":\"c_stalled\"}]}");

            // Reads up to the join's completion, then never again.
            var received = new StringBuilder();
            var buffer = new byte[64 * 1024];
            while (!received.ToString().Contains("\"type\":3", StringComparison.Ordinal))
            {
                var result = await ws.ReceiveAsync(buffer, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(15));
                received.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
            }

            return client;
        }

        public async ValueTask DisposeAsync()
        {
            _socket.Abort();
            _socket.Dispose();
            _invoker.Dispose();
            await Task.CompletedTask;
        }

        private Task SendAsync(string json) =>
            _socket.SendAsync(Encoding.UTF8.GetBytes(json + "\u001e"), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
    }
}
