using StudyRooms.Contracts.Protocol;
using StudyRooms.LoadTest;
using StudyRooms.Testing;
using Xunit.Abstractions;

namespace StudyRooms.Server.Tests;

// Proves the server sheds load instead of falling over (P-ERR-6): a server process with a bound of two
// concurrent hub calls is driven far past it by the load tool's own scenario; refusals carry OVERLOADED
// and a retry hint (P-ERR-5), /health answers 200 throughout, a well-behaved client's push goes through
// once the load stops, and after a SIGKILL and a restart every acknowledged edit is on its board.
public sealed class OverloadTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, string> Settings = new()
    {
        ["StudyRooms:MaxConcurrentHubCalls"] = "2",
        ["StudyRooms:OverloadRetryAfter"] = "00:00:00.200",
        // The per-user push limit (P-OPS-6) would answer RATE_LIMITED first; this test is about the server's bound.
        ["StudyRooms:Board:PushesPerSecondPerUser"] = "1000",
        ["StudyRooms:Board:PushBurstPerUser"] = "1000",
        ["StudyRooms:RateLimits:SessionsPerMinutePerAddress"] = "5000",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    [Fact]
    public async Task PastItsBoundTheServerShedsStaysHealthyRecoversAndLosesNoAcknowledgedEdit_P_ERR_6()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var dataDirectory = StudyRoomsHost.NewDataDirectory();
        LoadReport report;
        HealthWatch health;
        await using (var server = await ServerProcess.StartAsync(dataDirectory, Settings))
        {
            // 20 clients in 4 rooms, 25 edits per second each: 500 pushes/s, each fanned out to 4 peers.
            var options = new LoadOptions
            {
                Url = server.BaseAddress, Clients = 20, Rooms = 4, EditsPerSecond = 25, WarmupSeconds = 1, DurationSeconds = 3, RecoveryProbe = true,
            };
            health = HealthWatch.Start(server.BaseAddress);
            report = await RunAsync(options, timeout.Token);
            await health.StopAsync();

            // Kill right after the run: no graceful shutdown, no flush.
            await server.CrashAsync();
        }

        await using var restarted = await ServerProcess.StartAsync(dataDirectory, Settings);
        var lost = await AckCheck.CountLostAsync(restarted.BaseAddress, report.AcknowledgedIds, timeout.Token);

        var summary = $"errors: {string.Join(", ", report.Errors.Select(e => $"{e.Key}={e.Value}"))}; acknowledged {report.Acknowledged}; " +
            $"recovery {report.RecoverySeconds} s; health {health.Answers} answers, failures: {string.Join("; ", health.Failures)}; acknowledged lost {lost}";
        output.WriteLine(summary);
        Assert.True(report.Errors.GetValueOrDefault(ErrorCodes.Overloaded) > 0, "the load never passed the bound: " + summary);
        Assert.All(report.Errors.Keys, code => Assert.Equal(ErrorCodes.Overloaded, code)); // every refusal coded, none without its hint, no timeouts
        Assert.True(report.Acknowledged > 0, summary);
        Assert.True(health.Answers > 0 && health.Failures.Count == 0, summary);
        Assert.NotNull(report.RecoverySeconds);
        Assert.Equal(0, lost);
    }

    /// <summary>The load tool's run (Program.cs), as a library: rooms first, then one driver in this process, with the recovery probe.</summary>
    private static async Task<LoadReport> RunAsync(LoadOptions options, CancellationToken cancellationToken)
    {
        var roomIds = await new StudyRoomsTarget(options.Url, options).PrepareRoomsAsync(cancellationToken);
        var run = options with { RoomIds = roomIds };
        var scenario = new Scenario(run, Targets.For(run, run.Url, relay: false), Enumerable.Range(0, run.Clients).ToArray());
        var probe = new RecoveryProbe(Targets.For(run, run.Url, relay: false), run.Clients, roomIndex: 0);
        return await new Coordinator(run, "studyrooms", serverPid: null, probe).RunAsync([new LocalShard(scenario)], cancellationToken);
    }

    /// <summary>Asks /health every 100 ms until stopped, keeping every answer that was not 200.</summary>
    private sealed class HealthWatch
    {
        private readonly CancellationTokenSource _stop = new();
        private Task _loop = Task.CompletedTask;

        public int Answers { get; private set; }

        public List<string> Failures { get; } = [];

        public static HealthWatch Start(Uri baseAddress)
        {
            var watch = new HealthWatch();
            watch._loop = watch.LoopAsync(baseAddress);
            return watch;
        }

        public async Task StopAsync()
        {
            await _stop.CancelAsync();
            await _loop;
        }

        private async Task LoopAsync(Uri baseAddress)
        {
            using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(5) };
            while (!_stop.IsCancellationRequested)
            {
                try
                {
                    var response = await http.GetAsync("/health");
                    Answers++;
                    if (!response.IsSuccessStatusCode)
                    {
                        Failures.Add($"{(int)response.StatusCode}");
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    Failures.Add(e.GetType().Name);
                }

                try
                {
                    await Task.Delay(100, _stop.Token);
                }
                catch (OperationCanceledException)
                {
                }
            }
        }
    }
}
