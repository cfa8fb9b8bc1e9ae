using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using StudyRooms.Contracts.Accounts;
using StudyRooms.Contracts.Protocol;
using StudyRooms.Contracts.Rooms;
using StudyRooms.Contracts.Sprints;
using StudyRooms.Testing;
using FanOuts = (double Direct, double Backplane);

namespace StudyRooms.Cluster.Tests;

// Proves that two server processes on one Redis form one room: edits, joins and leaves, chat and
// sprint phases made through one server reach clients of the other (grain broadcast over the
// SignalR Redis backplane), a ban closes connections on both, and a user deleted through one server
// is refused at once by the other, which had their token cached as valid.
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

    [Fact]
    public async Task ChatSprintPhasesAndLeavesCrossServers()
    {
        var (a, b) = (servers.Cluster.Nodes[0], servers.Cluster.Nodes[1]);
        var ada = await a.Client.SignInAsync("Ada");
        var bob = await b.Client.SignInAsync("Bob");
        var roomId = (await a.Client.CreateRoomAsync(ada, "Chemistry")).RoomId;
        await using var adaClient = await RoomClient.ConnectAsync(a.Client, ada);
        var bobClient = await RoomClient.ConnectAsync(b.Client, bob);
        await adaClient.JoinAsync(roomId);
        await bobClient.JoinAsync(roomId);

        var fromBob = await bobClient.PostAsync(roomId, "Which indicator for a weak acid?");
        await Poll.UntilAsync(() => adaClient.MessagesPosted.Any(e => e.Message.Seq == fromBob.Seq && e.Message.AuthorId == bob.UserId), "Ada on A reads Bob's message posted on B");
        var reply = await adaClient.PostAsync(roomId, "Phenolphthalein", threadRootSeq: fromBob.Seq);
        await Poll.UntilAsync(() => bobClient.MessagesPosted.Any(e => e.Message.Seq == reply.Seq), "Bob on B reads Ada's reply posted on A");

        // The owner on A starts a sprint and Bob on B joins it; a skipped phase reaches both at once.
        var started = await adaClient.Connection.InvokeAsync<SprintSnapshot>("StartSprint", new StartSprintRequest { RoomId = roomId, Preset = "25/5", Goal = "Titration" });
        await Poll.UntilAsync(() => bobClient.SprintUpdated.Any(e => e.Sprint.SprintId == started.SprintId && e.Sprint.PhaseKind == SprintPhaseKind.Focus), "Bob on B sees the sprint started on A");
        await bobClient.Connection.InvokeAsync<SprintSnapshot>("JoinSprint", new SprintGoalRequest { RoomId = roomId, Goal = "Buffers" });
        await Poll.UntilAsync(
            () => adaClient.SprintUpdated.Any(e => e.Sprint.Participants.Any(p => p.UserId == bob.UserId && p.Joined && p.Goal == "Buffers")),
            "Ada on A sees Bob join the sprint with his goal");
        var inBreak = await adaClient.Connection.InvokeAsync<SprintSnapshot>("SkipSprintPhase", new SprintRequest { RoomId = roomId });
        Assert.Equal(SprintPhaseKind.ShortBreak, inBreak.PhaseKind);
        await Poll.UntilAsync(
            () => bobClient.SprintUpdated.Any(e => e.Sprint.PhaseIndex == inBreak.PhaseIndex && e.Sprint.PhaseStartedAt == inBreak.PhaseStartedAt),
            "Bob on B gets the phase change made on A, with the same anchor");

        // Bob closes his tab on B: Ada on A sees him leave.
        await bobClient.DisposeAsync();
        await Poll.UntilAsync(() => adaClient.ParticipantLeft.Any(e => e.UserId == bob.UserId), "Ada on A sees Bob leave from B");
    }

    [Fact]
    public async Task ABanClosesTheUsersConnectionsOnEveryServer_P_MOD_8()
    {
        var (a, b) = (servers.Cluster.Nodes[0], servers.Cluster.Nodes[1]);
        var ada = await a.Client.SignInAsync("Ada");
        var troll = await b.Client.SignInAsync("Troll");
        var roomId = (await a.Client.CreateRoomAsync(ada, "Biology")).RoomId;
        await using var adaClient = await RoomClient.ConnectAsync(a.Client, ada);
        await adaClient.JoinAsync(roomId);

        // One tab on each server: whichever server runs the room grain, one tab is on the other.
        await using var onA = await RoomClient.ConnectAsync(a.Client, troll);
        await using var onB = await RoomClient.ConnectAsync(b.Client, troll);
        var removedSeen = new[] { 0, 0 };
        onA.Connection.On<ParticipantRemoved>("ParticipantRemoved", e => Interlocked.Increment(ref removedSeen[0]));
        onB.Connection.On<ParticipantRemoved>("ParticipantRemoved", e => Interlocked.Increment(ref removedSeen[1]));
        await onA.JoinAsync(roomId);
        await onB.JoinAsync(roomId);

        await adaClient.Connection.InvokeAsync("RemoveParticipant", new RemoveParticipantRequest { RoomId = roomId, UserId = troll.UserId, Ban = true });

        await Poll.UntilAsync(
            () => onA.Connection.State == HubConnectionState.Disconnected && onB.Connection.State == HubConnectionState.Disconnected,
            "both servers close the banned user's connections",
            TimeSpan.FromSeconds(10));
        Assert.Equal([1, 1], removedSeen);
        await using var again = await RoomClient.ConnectAsync(b.Client, troll);
        Assert.Equal(ErrorCodes.Banned, HubErrors.Parse(await Assert.ThrowsAsync<HubException>(() => again.JoinAsync(roomId))).Code);
        Assert.Equal(HubConnectionState.Connected, adaClient.Connection.State);
    }

    [Fact]
    public async Task ATokenCachedAsValidOnOneServerIsRefusedThereRightAfterTheUserIsDeletedThroughTheOther_P_ACCT_4()
    {
        var (a, b) = (servers.Cluster.Nodes[0], servers.Cluster.Nodes[1]);
        var zed = await a.Client.SignInAsync("Zed");
        using var onA = a.Client.CreateHttpClient(zed);
        using var onB = b.Client.CreateHttpClient(zed);
        using var metricsOfB = b.Client.CreateHttpClient();

        // B asks the deleted-user grain once, then answers from its cache.
        Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync("/api/me/rooms")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync("/api/me/rooms")).StatusCode);
        await Poll.UntilAsync(
            async () => CheckCount(await metricsOfB.GetStringAsync("/metrics"), "cache") >= 1,
            "B's /metrics counts a deleted-user check answered from its cache");
        Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync("/api/me/rooms")).StatusCode);

        var delete = await onA.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/me") { Content = JsonContent.Create(new DeleteMeRequest { DisplayName = "Zed" }, options: ServerClient.Json) });
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);

        // No waiting: A answered only once B confirmed it dropped its cached answer.
        Assert.Equal(HttpStatusCode.Unauthorized, (await onB.GetAsync("/api/me/rooms")).StatusCode);
        await Assert.ThrowsAnyAsync<Exception>(() => RoomClient.ConnectAsync(b.Client, zed));
        Assert.Equal(HttpStatusCode.Unauthorized, (await onA.GetAsync("/api/me/rooms")).StatusCode);
    }

    [Fact]
    public async Task ARoomHeldByItsBoardsServerSkipsTheBackplaneAndAJoinerOnTheOtherServerMissesNoLaterOp_P_OPS_9()
    {
        // Grain placement is the cluster's choice: find a room whose board runs on the server of its
        // first two participants, seen as that server's direct fan-outs (P-OPS-9).
        ClusterNode? home = null;
        RoomClient? ada = null, cy = null;
        var roomId = "";
        for (var attempt = 0; attempt < 8 && home is null; attempt++)
        {
            var node = servers.Cluster.Nodes[attempt % 2];
            var adaUser = await node.Client.SignInAsync("Ada");
            roomId = (await node.Client.CreateRoomAsync(adaUser, "Optics")).RoomId;
            ada = await RoomClient.ConnectAsync(node.Client, adaUser);
            cy = await RoomClient.ConnectAsync(node.Client, await node.Client.SignInAsync("Cy"));
            await ada.JoinAsync(roomId);
            await cy.JoinAsync(roomId);
            var before = await FanOutsAsync(node);
            var first = await ada.PushAsync(roomId, ada.Stroke());
            await Poll.UntilAsync(() => cy.ReceivedOps().Any(op => op.Clock == first.Clock), "Cy receives Ada's first edit");
            if (await Poll.ResultAsync<FanOuts>(async () => await FanOutsAsync(node) is var now && now != before ? now : null, TimeSpan.FromSeconds(2)) is { } seen
                && seen.Direct > before.Direct)
            {
                home = node;
            }
            else
            {
                await ada.DisposeAsync();
                await cy.DisposeAsync();
            }
        }

        Assert.True(home is not null, "no room's board ran on the server of its participants in 8 tries");
        await using var adaOnHome = ada!;
        await using var cyOnHome = cy!;
        var away = servers.Cluster.Nodes.Single(n => n != home);
        await using var dee = await RoomClient.ConnectAsync(home.Client, await home.Client.SignInAsync("Dee"));
        await using var bob = await RoomClient.ConnectAsync(away.Client, await away.Client.SignInAsync("Bob"));

        // Ada keeps editing while Dee joins on the same server and then Bob on the other: the board
        // switches to the backplane inside the stream, and no op may be lost, doubled or reordered.
        var beforeBob = await FanOutsAsync(home);
        var acked = new ConcurrentQueue<long>();
        var stopAfter = int.MaxValue;
        var pushing = Task.Run(async () =>
        {
            // At 50 edits a second, under the board's rate limit (P-OPS-6), for as long as the joins take.
            using var pace = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
            while (acked.Count < Volatile.Read(ref stopAfter) && await pace.WaitForNextTickAsync())
            {
                acked.Enqueue((await adaOnHome.PushAsync(roomId, adaOnHome.Stroke())).Clock);
            }
        });
        await Poll.UntilAsync(() => acked.Count >= 10, "Ada has pushed ten edits");
        var deeJoined = await dee.JoinAsync(roomId);
        var atDee = acked.Count;
        await Poll.UntilAsync(() => acked.Count >= atDee + 10, "Ada has pushed ten more edits");
        var bobJoined = await bob.JoinAsync(roomId);
        Volatile.Write(ref stopAfter, acked.Count + 10);
        await pushing;

        var last = acked.Max();
        var bobFrom = bobJoined.Board!.Clock;
        Assert.True(bobFrom < last, "Bob joined while Ada was still editing");
        var deeFrom = deeJoined.Board!.Clock;
        Assert.True(deeFrom < bobFrom, "Dee joined before Bob");
        await Poll.UntilAsync(() => dee.ReceivedOps().Any(op => op.Clock == last), "Dee receives Ada's last edit");
        Assert.Equal(Enumerable.Range((int)deeFrom + 1, (int)(last - deeFrom)).Select(c => (long)c), dee.ReceivedOps().Select(op => op.Clock).Where(c => c > deeFrom));
        await Poll.UntilAsync(() => bob.ReceivedOps().Any(op => op.Clock == last), "Bob receives Ada's last edit");
        await Poll.UntilAsync(() => cyOnHome.ReceivedOps().Any(op => op.Clock == last), "Cy receives Ada's last edit");
        Assert.Equal(Enumerable.Range((int)bobFrom + 1, (int)(last - bobFrom)).Select(c => (long)c), bob.ReceivedOps().Select(op => op.Clock).Where(c => c > bobFrom));
        Assert.Equal(Enumerable.Range(1, (int)last).Select(c => (long)c), cyOnHome.ReceivedOps().Select(op => op.Clock));
        await Poll.UntilAsync(async () => (await FanOutsAsync(home)).Backplane > beforeBob.Backplane, "the board publishes once the room has a connection on another server");

        // Bob leaves: the board goes on publishing (an op sent directly could overtake one still in Redis).
        await bob.DisposeAsync();
        await Poll.UntilAsync(() => adaOnHome.ParticipantLeft.Any(e => e.UserId == bob.User.UserId), "Ada sees Bob leave");
        var beforeLeft = await Poll.ResultAsync<FanOuts>(async () => await FanOutsAsync(home) is var now && now.Direct + now.Backplane >= beforeBob.Direct + beforeBob.Backplane + acked.Count ? now : null, Poll.DefaultTimeout);
        Assert.NotNull(beforeLeft);
        var after = await adaOnHome.PushAsync(roomId, adaOnHome.Stroke());
        await Poll.UntilAsync(() => cyOnHome.ReceivedOps().Any(op => op.Clock == after.Clock), "Cy receives the edit after Bob left");
        var afterLeft = await Poll.ResultAsync<FanOuts>(async () => await FanOutsAsync(home) is var now && now.Backplane > beforeLeft.Value.Backplane ? now : null, Poll.DefaultTimeout);
        Assert.Equal(beforeLeft.Value.Direct, afterLeft?.Direct);
    }

    /// <summary>
    /// studyrooms.ops.fan_outs on one server: straight to its connections, and through the backplane.
    /// The page may be cached for a moment, so callers poll for a change.
    /// </summary>
    private static async Task<FanOuts> FanOutsAsync(ClusterNode node)
    {
        using var http = node.Client.CreateHttpClient();
        var metrics = await http.GetStringAsync("/metrics");
        return (Sum(metrics, "studyrooms_ops_fan_outs_total", "route", "this_server"), Sum(metrics, "studyrooms_ops_fan_outs_total", "route", "backplane"));
    }

    /// <summary>studyrooms.auth.deleted_user_checks of one source in a /metrics page (0 when absent).</summary>
    private static double CheckCount(string metrics, string source) =>
        Sum(metrics, "studyrooms_auth_deleted_user_checks_total", "source", source);

    /// <summary>The sum of a counter's series with one label value in a /metrics page (0 when absent).</summary>
    private static double Sum(string metrics, string counter, string label, string value) =>
        metrics.Split('\n')
            .Where(line => line.StartsWith(counter + "{", StringComparison.Ordinal) && line.Contains($"{label}=\"{value}\"", StringComparison.Ordinal))
            .Sum(line => double.Parse(line[(line.LastIndexOf('}') + 1)..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture));

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
