using StudyRooms.Testing;

namespace StudyRooms.Cluster.Tests;

// Proves that two server processes on one Redis form one room: edits and joins made through one
// server reach clients of the other (grain broadcast over the SignalR Redis backplane).
public sealed class CrossServerTests(CrossServerTests.TwoServers servers) : IClassFixture<CrossServerTests.TwoServers>
{
    [Fact]
    public async Task ClientsOnDifferentServersSeeEachOthersJoinsAndEdits()
    {
        var (a, b) = (servers.Cluster.Nodes[0], servers.Cluster.Nodes[1]);
        var ada = await a.Client.SignInAsync("Ada");
        var bob = await b.Client.SignInAsync("Bob");
        var roomId = (await a.Client.CreateRoomAsync(ada, "Statistics")).RoomId;
        await using var adaClient = await RoomClient.ConnectAsync(a.Client, ada);
        await using var bobClient = await RoomClient.ConnectAsync(b.Client, bob);
        await adaClient.JoinAsync(roomId);

        var bobJoined = await bobClient.JoinAsync(roomId);

        Assert.Equal("Statistics", bobJoined.Room.Name);
        Assert.Contains(bobJoined.Participants, p => p.UserId == ada.UserId);
        await Poll.UntilAsync(() => adaClient.ParticipantJoined.Any(e => e.Participant.UserId == bob.UserId), "Ada on server A sees Bob join on server B");

        var adaStroke = adaClient.Stroke();
        await adaClient.PushAsync(roomId, adaStroke);
        await Poll.UntilAsync(() => bobClient.OpsApplied.Any(e => e.Ops.Any(op => op.ElementId == adaStroke.ElementId)), "Bob on B receives Ada's edit made on A");

        var bobStroke = bobClient.Stroke();
        await bobClient.PushAsync(roomId, bobStroke);
        await Poll.UntilAsync(() => adaClient.OpsApplied.Any(e => e.Ops.Any(op => op.ElementId == bobStroke.ElementId)), "Ada on A receives Bob's edit made on B");
    }

    /// <summary>One Redis and two servers, shared by the tests of this class.</summary>
    public sealed class TwoServers : IAsyncLifetime
    {
        private RedisServer _redis = null!;

        public ServerCluster Cluster { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            _redis = await RedisServer.StartAsync();
            Cluster = new ServerCluster(_redis.ConnectionString);
            await Cluster.StartNodeAsync("A");
            await Cluster.StartNodeAsync("B");
            await Poll.UntilAsync(Cluster.AllActiveAsync, "both silos are active in one cluster", TimeSpan.FromSeconds(30));
        }

        public async Task DisposeAsync()
        {
            await Cluster.DisposeAsync();
            await _redis.DisposeAsync();
        }
    }
}
