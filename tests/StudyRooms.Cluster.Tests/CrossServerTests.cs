using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using StudyRooms.Contracts.Accounts;
using StudyRooms.Contracts.Protocol;
using StudyRooms.Contracts.Rooms;
using StudyRooms.Contracts.Sprints;
using StudyRooms.Testing;

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

    /// <summary>studyrooms.auth.deleted_user_checks of one source in a /metrics page (0 when absent).</summary>
    private static double CheckCount(string metrics, string source) =>
        metrics.Split('\n')
            .Where(line => line.StartsWith("studyrooms_auth_deleted_user_checks_total{", StringComparison.Ordinal) && line.Contains($"source=\"{source}\"", StringComparison.Ordinal))
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
