using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using StudyRooms.Contracts.Boards;
using StudyRooms.Contracts.Protocol;
using StudyRooms.Contracts.Rooms;

namespace StudyRooms.LoadTest;

/// <summary>Drives a StudyRooms server exactly as browsers do: session, room, JoinRoom, PushOps, MoveCursor.</summary>
public sealed class StudyRoomsTarget(Uri baseAddress, LoadOptions options) : ITarget
{
    private static readonly JsonSerializerOptions Json = CreateJson();
    private readonly HttpClient _http = new() { BaseAddress = baseAddress };
    private readonly ConcurrentDictionary<int, Lazy<Task<string>>> _rooms = new();

    public string Name => "studyrooms";

    /// <summary>
    /// Creates the scenario's rooms before any driver connects (each by its own user), so that driver
    /// processes share them. With drawers, a room's capacity is the number of drawers and the rest
    /// are seated as viewers past it (P-ROOM-5), as in a lecture.
    /// </summary>
    public async Task<string[]> PrepareRoomsAsync(CancellationToken cancellationToken)
    {
        using var gate = new SemaphoreSlim(8);
        return await Task.WhenAll(Enumerable.Range(0, options.Rooms).Select(async r =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                var token = await SignInAsync($"load-owner-{r}", cancellationToken);
                return await CreateRoomAsync(token, r, cancellationToken);
            }
            finally
            {
                gate.Release();
            }
        }));
    }

    public async Task<IClientSession> ConnectAsync(int clientIndex, int roomIndex, IDeliverySink sink, CancellationToken cancellationToken)
    {
        var (token, userId) = await SignInAsUserAsync($"load-{clientIndex}", cancellationToken);
        var roomId = options.RoomIds is { } ids
            ? ids[roomIndex]
            : await _rooms.GetOrAdd(roomIndex, _ => new Lazy<Task<string>>(() => CreateRoomAsync(token, roomIndex, cancellationToken))).Value;
        var connection = DriverConnection.Open(options, HubUrl, token, Configure);
        connection.On<ReceivedOps>("OpsApplied", e =>
        {
            foreach (var op in e.Ops)
            {
                sink.Edit(op.ElementId ?? "");
            }
        });
        connection.On<ReceivedBatch>("OpsAppliedBatch", e =>
        {
            foreach (var applied in e.Events)
            {
                foreach (var op in applied.Ops)
                {
                    sink.Edit(op.ElementId ?? "");
                }
            }
        });
        connection.On<Ignored>("CursorMoved", _ => sink.Cursor());
        // A frame of several cursors goes to the whole audience, this client's own included (P-LIVE-5).
        connection.On<ReceivedCursors>("CursorsMoved", e =>
        {
            foreach (var cursor in e.Cursors)
            {
                if (cursor.UserId != userId)
                {
                    sink.Cursor();
                }
            }
        });
        connection.On<Ignored>("ParticipantJoined", static _ => { });
        connection.On<Ignored>("ParticipantLeft", static _ => { });
        connection.On<Ignored>("PresenceStatusChanged", static _ => { });
        await connection.StartAsync(cancellationToken);
        var clientId = $"c_load{clientIndex}";
        await JoinAsync(connection, new JoinRoomRequest { ProtocolVersion = ProtocolVersion.Current, RoomId = roomId, ClientId = clientId }, cancellationToken);
        return new Session(connection, roomId, clientId);
    }

    /// <summary>JoinRoom as the web client does it: a refusal that carries a retry hint (OVERLOADED, RATE_LIMITED; P-ERR-5) is tried again after the hint.</summary>
    private static async Task JoinAsync(IDriverConnection connection, JoinRoomRequest request, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await connection.InvokeAsync<Ignored>("JoinRoom", request, cancellationToken);
                return;
            }
            catch (HubException e) when (attempt < 100 && RetryHint.Parse(e.Message) is { } wait)
            {
                await Task.Delay(wait, cancellationToken);
            }
        }
    }

    private Uri HubUrl => new(baseAddress, "/hubs/room");

    /// <summary>A SignalR client's hub connection (WebSockets, the chosen protocol), not yet started: for the join and recovery measurements.</summary>
    public Task<HubConnection> ConnectHubAsync(string token, CancellationToken cancellationToken) =>
        Task.FromResult(DriverConnection.BuildSignalR(options, HubUrl, token, Configure));

    public async Task<string> SignInAsync(string name, CancellationToken cancellationToken) =>
        (await SignInAsUserAsync(name, cancellationToken)).Token;

    /// <summary>A guest session: its token and the user id the server gave it.</summary>
    private async Task<(string Token, string UserId)> SignInAsUserAsync(string name, CancellationToken cancellationToken)
    {
        var response = await _http.PostAsJsonAsync("/api/sessions", new { displayName = name }, Json, cancellationToken);
        if (response.StatusCode == System.Net.HttpStatusCode.TooManyRequests)
        {
            throw new InvalidOperationException(
                "the server refused a sign-in (429): every client signs in from this one address; start the server with " +
                "StudyRooms:RateLimits:SessionsPerMinutePerAddress above the number of clients plus rooms");
        }

        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Json, cancellationToken);
        return (body.GetProperty("token").GetString()!, body.GetProperty("userId").GetString()!);
    }

    public async Task<string> CreateRoomAsync(string token, int roomIndex, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/rooms")
        {
            Content = JsonContent.Create(
                new CreateRoomRequest
                {
                    Name = $"Load room {roomIndex}",
                    Topic = "load test",
                    Capacity = options.SeatsWatchersAsViewers ? options.Drawers : Math.Min(500, Math.Max(50, options.RoomSize(roomIndex))),
                    OverflowAsViewers = options.SeatsWatchersAsViewers,
                },
                options: Json),
        };
        request.Headers.Authorization = new("Bearer", token);
        var response = await _http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        var room = await response.Content.ReadFromJsonAsync<RoomSnapshot>(Json, cancellationToken);
        return room!.RoomId;
    }

    private static JsonSerializerOptions CreateJson()
    {
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Configure(json);
        return json;
    }

    /// <summary>The server's JSON conventions: camelCase, nulls omitted, enums as camelCase strings.</summary>
    public static void Configure(JsonSerializerOptions json)
    {
        json.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        json.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        json.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
    }

    private sealed class Session(IDriverConnection connection, string roomId, string clientId) : IClientSession
    {
        private long _seq;

        public Task SendEditAsync(string elementId, double[] points) =>
            connection.InvokeAsync<PushOpsResult>("PushOps", new PushOpsRequest
            {
                RoomId = roomId,
                ClientId = clientId,
                Ops =
                [
                    new ElementOp
                    {
                        Kind = ElementOpKind.Create,
                        ElementId = elementId,
                        ClientSeq = Interlocked.Increment(ref _seq),
                        Type = "freehand",
                        Props = new ElementProps { X = 100, Y = 100, Points = points, StrokeColor = "#1971c2", StrokeWidth = 3 },
                    },
                ],
            });

        public Task SendCursorAsync(double x, double y) =>
            connection.SendAsync("MoveCursor", new CursorUpdate { RoomId = roomId, X = x, Y = y, Visible = true });

        public ValueTask DisposeAsync() => connection.DisposeAsync();
    }
}
