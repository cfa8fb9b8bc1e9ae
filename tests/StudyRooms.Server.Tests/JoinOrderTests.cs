using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using StudyRooms.Contracts.Rooms;
using StudyRooms.Server.Hubs;
using StudyRooms.Testing;

namespace StudyRooms.Server.Tests;

// Proves the hub's half of P-JOIN-3 / P-OPS-9 on a real host: by the time the room grain takes a
// joiner's join (and the board its snapshot), the joining connection is already on this server's
// list of the room's connections, the list a board of a room held by one server writes its ops to.
// Recorded after the join instead, an op committed between the snapshot and the recording would
// miss the joiner; that window is a millisecond or two, so a probe in the grain call checks the order.
public sealed class JoinOrderTests : IAsyncLifetime
{
    private readonly JoinProbe _probe = new();
    private StudyRoomsHost _host = null!;

    public async Task InitializeAsync() => _host = await StudyRoomsHost.StartAsync(
        dataDirectory: null,
        settings: null,
        services: services => services.AddSingleton<IIncomingGrainCallFilter>(provider =>
        {
            _probe.Hosted = provider.GetRequiredService<HostedConnections>();
            return _probe;
        }));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task AJoiningConnectionIsOnItsServersListOfTheRoomBeforeTheRoomTakesItsJoin()
    {
        await using var room = await OwnedRoom.OpenAsync(_host, "Ada");
        await using var bob = await room.JoinNewUserAsync(_host, "Bob");
        await using var cy = await room.JoinNewUserAsync(_host, "Cy");

        var joins = _probe.Joins.Where(j => j.RoomId == room.RoomId).ToArray();
        Assert.Equal(3, joins.Length);
        Assert.All(joins, j => Assert.True(j.Listed, $"connection {j.ConnectionId} was not yet on the server's list of the room when the room grain took its join"));
    }

    private sealed class JoinProbe : IIncomingGrainCallFilter
    {
        public HostedConnections? Hosted { get; set; }

        public ConcurrentQueue<(string RoomId, string ConnectionId, bool Listed)> Joins { get; } = new();

        public Task Invoke(IIncomingGrainCallContext context)
        {
            if (Hosted is { } hosted && context.Request.GetArgumentCount() == 1 && context.Request.GetArgument(0) is JoinRoomCommand join)
            {
                var roomId = context.TargetId.Key.ToString()!;
                Joins.Enqueue((roomId, join.ConnectionId, hosted.ConnectionsIn(roomId).Contains(join.ConnectionId)));
            }

            return context.Invoke();
        }
    }
}
