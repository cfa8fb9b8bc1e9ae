using System.Net;
using Microsoft.AspNetCore.SignalR.Client;
using StudyRooms.Contracts.Protocol;
using StudyRooms.Contracts.Rooms;
using StudyRooms.Server.Observability;
using StudyRooms.Testing;

namespace StudyRooms.Deployment.Tests;

// Proves that the paths the manifests send Kubernetes and Prometheus to are served by the real
// server, and that /metrics carries the StudyRooms meter once a room has seen some traffic.
public sealed class EndpointTests : IAsyncLifetime
{
    private StudyRoomsHost _host = null!;

    public async Task InitializeAsync() => _host = await StudyRoomsHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task EveryProbeAndTheScrapePathAnswer200()
    {
        var server = Manifests.Server;
        var annotations = Manifests.Deployment.Spec.Template.Metadata.Annotations;
        var paths = new[] { server.StartupProbe, server.ReadinessProbe, server.LivenessProbe }
            .Select(p => p.HttpGet.Path)
            .Append(annotations["prometheus.io/path"])
            .ToArray();
        using var http = _host.CreateHttpClient();

        Assert.Equal(["/ready", "/ready", "/health", ObservabilityExtensions.MetricsPath], paths);
        foreach (var path in paths)
        {
            await Poll.UntilAsync(async () => (await http.GetAsync(path)).StatusCode == HttpStatusCode.OK, $"GET {path} answers 200");
        }
    }

    [Fact]
    public async Task MetricsExposeTheStudyRoomsMeterAfterTraffic()
    {
        var ada = await _host.SignInAsync("Ada");
        var roomId = (await _host.CreateRoomAsync(ada)).RoomId;
        await using var client = await RoomClient.ConnectAsync(_host, ada);
        await client.JoinAsync(roomId);
        await client.PushAsync(roomId, client.Stroke(), client.Stroke());
        await Assert.ThrowsAnyAsync<Exception>(() => client.PushAsync("no-such-room", client.Stroke()));
        // A second tab that already holds the board at clock 1 rejoins and is resumed (P-JOIN-4).
        await using var tab = await RoomClient.ConnectAsync(_host, ada);
        var rejoined = await tab.Connection.InvokeAsync<JoinRoomResult>(
            "JoinRoom", new JoinRoomRequest { ProtocolVersion = ProtocolVersion.Current, RoomId = roomId, ClientId = tab.ClientId, KnownClock = 1 });
        Assert.NotNull(rejoined.Resume);
        using var http = _host.CreateHttpClient();

        var text = "";
        (string Metric, string Label)[] expected =
        [
            ("studyrooms_participants_connected", ""),
            ("studyrooms_rooms_active", ""),
            ("studyrooms_hub_invocations_total", "method=\"JoinRoom\""),
            ("studyrooms_hub_invocations_total", "method=\"PushOps\""),
            ("studyrooms_hub_rejections_total", "code=\"NOT_IN_ROOM\""),
            ("studyrooms_ops_applied_total", ""),
            ("studyrooms_push_ops_duration_milliseconds_bucket", "outcome=\"ok\""),
            ("studyrooms_broadcast_duration_milliseconds_bucket", "event=\"OpsApplied\""),
            ("studyrooms_rejoins_total", "outcome=\"resumed\""),
            ("studyrooms_sqlite_commits_total", ""),
            ("studyrooms_sqlite_writes_total", ""),
            ("http_server_request_duration_seconds_bucket", ""),
        ];
        bool Has((string Metric, string Label) series) =>
            text.Split('\n').Any(line => line.StartsWith(series.Metric + "{", StringComparison.Ordinal) && line.Contains(series.Label, StringComparison.Ordinal));
        try
        {
            await Poll.UntilAsync(
                async () =>
                {
                    text = await http.GetStringAsync(ObservabilityExtensions.MetricsPath);
                    return expected.All(Has);
                },
                "/metrics lists the StudyRooms metrics");
        }
        catch (TimeoutException)
        {
            Assert.Fail($"/metrics lacks {string.Join(", ", expected.Where(e => !Has(e)))}:\n{text}");
        }

        Assert.Matches(@"studyrooms_ops_applied_total(\{[^}]*\})? 2(\s|$)", text);
        Assert.Matches(@"studyrooms_rooms_active(\{[^}]*\})? 1(\s|$)", text);
    }
}
