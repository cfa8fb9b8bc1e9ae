using System.Text.Json;
using System.Text.Json.Serialization;
using StudyRooms.Contracts.Boards;

namespace StudyRooms.LoadTest;

/// <summary>The same scenario against <see cref="RelayServer"/>: a bare SignalR hub, the framework's floor.</summary>
public sealed class RelayTarget(Uri baseAddress, LoadOptions options) : ITarget
{
    public string Name => "relay";

    public async Task<IClientSession> ConnectAsync(int clientIndex, int roomIndex, IDeliverySink sink, CancellationToken cancellationToken)
    {
        var connection = DriverConnection.Open(options, new Uri(baseAddress, "/relay"), accessToken: null, RelayServer.ConfigureJson);
        connection.On<ReceivedOps>("Relayed", e =>
        {
            foreach (var op in e.Ops)
            {
                sink.Edit(op.ElementId ?? "");
            }
        });
        connection.On<Ignored>("Cursor", _ => sink.Cursor());
        await connection.StartAsync(cancellationToken);
        var room = $"room-{roomIndex}";
        await connection.InvokeAsync<object?>("Join", room, cancellationToken);
        return new Session(connection, room);
    }

    private sealed class Session(IDriverConnection connection, string room) : IClientSession
    {
        public Task SendEditAsync(string elementId, double[] points) =>
            connection.InvokeAsync<int>("Push", new RelayPush(room,
            [
                new ElementOp
                {
                    Kind = ElementOpKind.Create,
                    ElementId = elementId,
                    ClientSeq = 1,
                    Type = "freehand",
                    Props = new ElementProps { X = 100, Y = 100, Points = points, StrokeColor = "#1971c2", StrokeWidth = 3 },
                },
            ]));

        public Task SendCursorAsync(double x, double y) => connection.SendAsync("Cursor", new RelayCursor(room, x, y));

        public ValueTask DisposeAsync() => connection.DisposeAsync();
    }
}

/// <summary>A relayed edit: the room and the same ops a PushOps carries.</summary>
public sealed record RelayPush(string Room, ElementOp[] Ops);

/// <summary>A relayed cursor.</summary>
public sealed record RelayCursor(string Room, double X, double Y);
