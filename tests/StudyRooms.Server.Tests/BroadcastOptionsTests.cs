using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using StudyRooms.Contracts.Boards;
using StudyRooms.Contracts.Protocol;
using StudyRooms.Contracts.Rooms;
using StudyRooms.Testing;

namespace StudyRooms.Server.Tests;

// Proves the broadcast options of docs/benchmarks.md on a real host: per-frame batches of OpsApplied,
// at most one frame per window with a quiet room's first event sent at once, that keep clock order
// and never return a connection's own pushes (P-OPS-7, P-OPS-8), and the
// MessagePack hub protocol beside JSON.
public sealed class BroadcastOptionsTests(BroadcastOptionsTests.BatchingHost fixture) : IClassFixture<BroadcastOptionsTests.BatchingHost>
{
    /// <summary>A frame long enough that three quick pushes share it even on a loaded machine.</summary>
    private const int FrameMilliseconds = 2000;

    private StudyRoomsHost Host => fixture.Host;

    [Fact]
    public async Task PushesOfOneFrameReachPeersAsOneBatchInClockOrderWithoutTheirOwn() // P-OPS-7, P-OPS-8
    {
        await using var room = await ThreePushRoom.PushAsync(Host, withCy: true);

        // The room was quiet, so its first frame went out at once (leading edge, BatchFrameEdgeTests);
        // the pushes inside the window that frame opened came as one more message.
        await Poll.UntilAsync(() => room.Cy.ReceivedOps().Count == 3, "Cy receives all three ops");
        Assert.Equal([1L, 2L, 3L], room.Cy.ReceivedOps().Select(o => o.Clock));
        Assert.InRange(room.Cy.OpsMessages, 1, 2);
        var batch = Assert.Single(room.Cy.OpsAppliedBatches);
        Assert.Equal(room.RoomId, batch.RoomId);
        Assert.InRange(batch.Events.Length, 2, 3);

        await Poll.UntilAsync(() => room.Bob.ReceivedOps().Count == 2 && room.Ada.ReceivedOps().Count == 1, "Ada and Bob receive the other's ops");
        Assert.Equal([room.First.ElementId, room.Third.ElementId], room.Bob.ReceivedOps().Select(o => o.ElementId));
        Assert.Equal([room.Second.ElementId], room.Ada.ReceivedOps().Select(o => o.ElementId));
    }

    [Fact]
    public async Task AMessagePackClientEditsTheBoardThatJsonClientsSee()
    {
        var ada = await Host.SignInAsync("Ada");
        var bob = await Host.SignInAsync("Bob");
        var room = await Host.CreateRoomAsync(ada);
        await using var bobClient = await RoomClient.ConnectAsync(Host, bob);
        await bobClient.JoinAsync(room.RoomId);
        await using var packed = new HubConnectionBuilder()
            .WithUrl(new Uri(Host.BaseAddress, "/hubs/room"), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.AccessTokenProvider = () => Task.FromResult<string?>(ada.Token);
            })
            .AddMessagePackProtocol()
            .Build();
        await packed.StartAsync();
        var joined = await packed.InvokeAsync<JoinRoomResult>(
            "JoinRoom", new JoinRoomRequest { ProtocolVersion = ProtocolVersion.Current, RoomId = room.RoomId, ClientId = "c_packed" });
        Assert.Equal(ada.UserId, joined.Self.UserId);

        var stroke = bobClient.Stroke("e_packed1");
        var result = await packed.InvokeAsync<PushOpsResult>(
            "PushOps", new PushOpsRequest { RoomId = room.RoomId, ClientId = "c_packed", Ops = [stroke with { ClientSeq = 1 }] });

        Assert.Equal(1, Assert.Single(result.Acks).Clock);
        await Poll.UntilAsync(() => bobClient.ReceivedOps().Count == 1, "Bob (JSON) receives the MessagePack client's op");
        Assert.Equal(stroke.Props!.Points, bobClient.ReceivedOps()[0].Props!.Points);
    }

    /// <summary>A host with per-frame batching and MessagePack on; its own, since both change the wire.</summary>
    public sealed class BatchingHost : IAsyncLifetime
    {
        public StudyRoomsHost Host { get; private set; } = null!;

        public async Task InitializeAsync() => Host = await StudyRoomsHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["StudyRooms:OpsBatchMilliseconds"] = FrameMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["StudyRooms:OpsBatchRoomConnections"] = "1",
            ["StudyRooms:MessagePackProtocol"] = "true",
        });

        public async Task DisposeAsync() => await Host.DisposeAsync();
    }
}
