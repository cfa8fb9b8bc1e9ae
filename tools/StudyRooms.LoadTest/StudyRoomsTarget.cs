using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using StudyRooms.Contracts.Boards;
using StudyRooms.Contracts.Protocol;
using StudyRooms.Contracts.Rooms;

namespace StudyRooms.LoadTest;

/// <summary>Drives a StudyRooms server exactly as browsers do: session, room, JoinRoom, PushOps, MoveCursor.</summary>
public sealed class StudyRoomsTarget(Uri baseAddress) : ITarget
{
    private static readonly JsonSerializerOptions Json = CreateJson();
    private readonly HttpClient _http = new() { BaseAddress = baseAddress };
    private readonly ConcurrentDictionary<int, Lazy<Task<string>>> _rooms = new();

    public string Name => "studyrooms";

    public async Task<IClientSession> ConnectAsync(int clientIndex, int roomIndex, Action<string> delivered, CancellationToken cancellationToken)
    {
        var token = await SignInAsync($"load-{clientIndex}", cancellationToken);
        var roomId = await _rooms.GetOrAdd(roomIndex, _ => new Lazy<Task<string>>(() => CreateRoomAsync(token, roomIndex))).Value;
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, "/hubs/room"), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .AddJsonProtocol(o => o.PayloadSerializerOptions = CreateJson())
            .Build();
        connection.On<OpsApplied>("OpsApplied", e =>
        {
            foreach (var op in e.Ops)
            {
                delivered(op.ElementId);
            }
        });
        connection.On<CursorMoved>("CursorMoved", static _ => { });
        connection.On<ParticipantJoined>("ParticipantJoined", static _ => { });
        connection.On<ParticipantLeft>("ParticipantLeft", static _ => { });
        await connection.StartAsync(cancellationToken);
        var clientId = $"c_load{clientIndex}";
        await connection.InvokeAsync<JoinRoomResult>(
            "JoinRoom",
            new JoinRoomRequest { ProtocolVersion = ProtocolVersion.Current, RoomId = roomId, ClientId = clientId },
            cancellationToken);
        return new Session(connection, roomId, clientId);
    }

    private async Task<string> SignInAsync(string name, CancellationToken cancellationToken)
    {
        var response = await _http.PostAsJsonAsync("/api/sessions", new { displayName = name }, Json, cancellationToken);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Json, cancellationToken);
        return body.GetProperty("token").GetString()!;
    }

    private async Task<string> CreateRoomAsync(string token, int roomIndex)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/rooms")
        {
            Content = JsonContent.Create(new { name = $"Load room {roomIndex}", topic = "load test" }, options: Json),
        };
        request.Headers.Authorization = new("Bearer", token);
        var response = await _http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var room = await response.Content.ReadFromJsonAsync<RoomSnapshot>(Json);
        return room!.RoomId;
    }

    private static JsonSerializerOptions CreateJson()
    {
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
        json.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        return json;
    }

    private sealed class Session(HubConnection connection, string roomId, string clientId) : IClientSession
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
