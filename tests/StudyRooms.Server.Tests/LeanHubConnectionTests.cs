using Microsoft.AspNetCore.SignalR;
using StudyRooms.Contracts.Protocol;
using StudyRooms.Contracts.Rooms;
using StudyRooms.LoadTest;
using StudyRooms.Testing;
using Xunit.Abstractions;

namespace StudyRooms.Server.Tests;

// The load tool's lean client (--client lean) against the real server over a real socket: the whole
// scenario runs through it with every edit delivered and every acknowledged edit on its board, a
// refusal reaches it as it reaches the SignalR client, and an event it has no handler for is skipped
// without losing the messages behind it.
public sealed class LeanHubConnectionTests(LeanHubConnectionTests.MessagePackHost fixture, ITestOutputHelper output)
    : IClassFixture<LeanHubConnectionTests.MessagePackHost>
{
    private StudyRoomsHost Host => fixture.Host;

    [Fact]
    public async Task TheScenarioRunsThroughTheLeanClientWithEveryEditDeliveredAndEveryAcknowledgedEditStored()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var options = new LoadOptions
        {
            Url = Host.BaseAddress, Clients = 12, Rooms = 3, EditsPerSecond = 10, WarmupSeconds = 1, DurationSeconds = 2,
            Protocol = "messagepack", Client = "lean",
        };
        var roomIds = await new StudyRoomsTarget(options.Url, options).PrepareRoomsAsync(timeout.Token);
        var run = options with { RoomIds = roomIds };
        var scenario = new Scenario(run, Targets.For(run, run.Url, relay: false), Enumerable.Range(0, run.Clients).ToArray());
        var report = await new Coordinator(run, "studyrooms", serverPid: null).RunAsync([new LocalShard(scenario)], timeout.Token);
        output.WriteLine(report.ToJson());

        Assert.Empty(report.Errors);
        Assert.Equal(1.0, report.DeliveryRatio);
        // 12 clients at 10 edits a second for 2 s, each edit to the 3 others of its room.
        Assert.InRange(report.DeliveriesPerSecond, 12 * 10 * 3 * 0.9, 12 * 10 * 3 * 1.1);
        Assert.True(report.Acknowledged >= 12 * 10 * 2, $"acknowledged {report.Acknowledged}");
        Assert.True(report.DriverCpuSeconds > 0, "the driver's CPU is measured");
        Assert.Equal(0, await AckCheck.CountLostAsync(Host.BaseAddress, report.AcknowledgedIds, timeout.Token));
    }

    [Fact]
    public async Task ARefusalReachesTheLeanClientAsItReachesTheSignalRClient()
    {
        var ada = await Host.SignInAsync("Ada");
        var refusals = new List<HubException>();
        foreach (var client in new[] { "signalr", "lean" })
        {
            var options = new LoadOptions { Url = Host.BaseAddress, Protocol = "messagepack", Client = client };
            await using var connection = DriverConnection.Open(options, new Uri(Host.BaseAddress, "/hubs/room"), ada.Token, StudyRoomsTarget.Configure);
            await connection.StartAsync(CancellationToken.None);
            refusals.Add(await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<Ignored>(
                "JoinRoom", new JoinRoomRequest { ProtocolVersion = ProtocolVersion.Current, RoomId = "r_nosuchroom00", ClientId = "c_lean1" })));
        }

        output.WriteLine(refusals[1].Message);
        Assert.Equal(refusals[0].Message, refusals[1].Message);
        Assert.NotEqual(nameof(HubException), Scenario.CodeOf(refusals[1])); // the load tool reads the server's code from it
    }

    [Fact]
    public async Task AnEventWithoutAHandlerIsSkippedAndTheMessagesBehindItStillArrive()
    {
        var ada = await Host.SignInAsync("Ada");
        var bob = await Host.SignInAsync("Bob");
        var room = await Host.CreateRoomAsync(ada);
        var options = new LoadOptions { Url = Host.BaseAddress, Protocol = "messagepack", Client = "lean" };
        await using var lean = DriverConnection.Open(options, new Uri(Host.BaseAddress, "/hubs/room"), ada.Token, StudyRoomsTarget.Configure);
        var received = new System.Collections.Concurrent.ConcurrentQueue<string>();
        lean.On<ReceivedOps>("OpsApplied", e => received.Enqueue(e.Ops[0].ElementId!)); // no handler for ParticipantJoined
        await lean.StartAsync(CancellationToken.None);
        await lean.InvokeAsync<Ignored>("JoinRoom", new JoinRoomRequest { ProtocolVersion = ProtocolVersion.Current, RoomId = room.RoomId, ClientId = "c_lean2" });

        await using var bobClient = await RoomClient.ConnectAsync(Host, bob);
        await bobClient.JoinAsync(room.RoomId); // Ada's connection gets ParticipantJoined first
        var stroke = bobClient.Stroke();
        await bobClient.PushAsync(room.RoomId, stroke);

        await Poll.UntilAsync(() => received.Contains(stroke.ElementId!), "the lean client receives Bob's edit after the unhandled ParticipantJoined");
    }

    /// <summary>A host that offers the MessagePack protocol, as the lean client speaks it.</summary>
    public sealed class MessagePackHost : IAsyncLifetime
    {
        public StudyRoomsHost Host { get; private set; } = null!;

        public async Task InitializeAsync() => Host = await StudyRoomsHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["StudyRooms:MessagePackProtocol"] = "true",
            // Every client of the scenario signs in from this one address.
            ["StudyRooms:RateLimits:SessionsPerMinutePerAddress"] = "5000",
        });

        public async Task DisposeAsync() => await Host.DisposeAsync();
    }
}
