using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using StudyRooms.LoadTest;

// StudyRooms load tool. Loopback only; stops by itself.
//   run (default):  StudyRooms.LoadTest [--url http://127.0.0.1:5000] [--clients 400] [--rooms 40] [--edits 5]
//                   [--cursor-hz 0] [--drawers D] [--warmup 5] [--duration 20] [--processes N]
//                   [--protocol json|messagepack] [--server-pid PID] [--rss-every 10]
//                   [--relay] [--relay-baseline [--relay-cpu 1]] [--recovery-probe] [--verify-acks]
//   join a board:   StudyRooms.LoadTest --join-board 10000 [--joins 5] | --join-room ROOM_ID [--joins 5]
//   serve-relay:    StudyRooms.LoadTest serve-relay --port 5100
//   gc-pauses:      StudyRooms.LoadTest gc-pauses TRACE.nettrace   (GC pauses of a dotnet-trace recording)
//   shard (child):  StudyRooms.LoadTest shard <run options> --shard K   (started by --processes)
if (args is ["serve-relay", "--port", var portText])
{
    await RelayServer.RunAsync(int.Parse(portText, CultureInfo.InvariantCulture));
    return 0;
}

if (args is ["gc-pauses", var tracePath])
{
    GcPauses.Print(GcPauses.Read(tracePath), Console.Out);
    return 0;
}

// A driver process from here on (a run, a child shard, a join bench): before any socket exists.
DriverSockets.PreferInlineCompletions();

var child = args is ["shard", ..];
LoadOptions options;
try
{
    options = LoadOptions.Parse(child ? args[1..] : args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 2;
}

if (child)
{
    return await ChildShard.RunChildAsync(options);
}

using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(options.WarmupSeconds + options.DurationSeconds + 600));
if (options.JoinBoardElements is not null || options.JoinRoomId is not null)
{
    var joins = await new JoinBench(options).RunAsync(cancel.Token);
    joins.Print(Console.Out);
    Console.WriteLine("RESULT " + joins.ToJson());
    return 0;
}

var reports = new List<LoadReport>();
if (options.RelayBaseline)
{
    var port = FreePort();
    using var relay = StartRelay(port, options.RelayCpu);
    await WaitForPortAsync(port, cancel.Token);
    reports.Add(await RunAsync(options, new Uri($"http://127.0.0.1:{port}"), relay: true, relay.Id, cancel.Token));
    relay.Kill(entireProcessTree: true);
}

reports.Add(await RunAsync(options, options.Url, options.Relay, options.ServerPid, cancel.Token));

Console.WriteLine();
foreach (var report in reports)
{
    report.Print(Console.Out);
}

if (reports is [var floor, var measured] && floor.ServerMicrosecondsPerDelivery is { } f && measured.ServerMicrosecondsPerDelivery is { } m)
{
    Console.WriteLine($"ratio to the bare relay: CPU per delivery x{m / f:0.00}, p99 x{measured.LatencyP99Ms / Math.Max(0.001, floor.LatencyP99Ms):0.00}");
}

foreach (var report in reports)
{
    Console.WriteLine("RESULT " + report.ToJson());
}

return reports.All(r => r.Errors.Count == 0 && r.AcknowledgedLost is null or 0) ? 0 : 1;

static async Task<LoadReport> RunAsync(LoadOptions options, Uri url, bool relay, int? serverPid, CancellationToken cancellationToken)
{
    IReadOnlyList<string>? roomIds = null;
    if (!relay)
    {
        roomIds = await new StudyRoomsTarget(url, options).PrepareRoomsAsync(cancellationToken);
    }

    var run = options with { Url = url, Relay = relay, RoomIds = roomIds };
    var shards = run.Processes == 1
        ? new IShard[] { new LocalShard(new Scenario(run, Targets.For(run, url, relay), Enumerable.Range(0, run.Clients).ToArray())) }
        : Enumerable.Range(0, run.Processes).Select(k => (IShard)new ChildShard(run.ChildArgs(k, url, relay, roomIds))).ToArray();
    var probe = run.RecoveryProbe && !relay ? new RecoveryProbe(Targets.For(run, url, relay), run.Clients, roomIndex: 0) : null;
    var report = await new Coordinator(run, relay ? "relay" : "studyrooms", serverPid, probe).RunAsync(shards, cancellationToken);
    return run.VerifyAcks && !relay
        ? report with { AcknowledgedLost = await AckCheck.CountLostAsync(url, report.AcknowledgedIds, cancellationToken) }
        : report;
}

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

static Process StartRelay(int port, string? cpu)
{
    var self = Environment.ProcessPath!;
    var dll = typeof(RelayServer).Assembly.Location;
    var useDotnet = Path.GetFileNameWithoutExtension(self) == "dotnet";
    var start = cpu is null
        ? new ProcessStartInfo(self)
        : new ProcessStartInfo("taskset") { ArgumentList = { "-c", cpu, self } };
    if (useDotnet)
    {
        start.ArgumentList.Add(dll);
    }

    foreach (var arg in new[] { "serve-relay", "--port", port.ToString(CultureInfo.InvariantCulture) })
    {
        start.ArgumentList.Add(arg);
    }

    start.RedirectStandardOutput = true;
    DriverSockets.AsServer(start);
    return Process.Start(start) ?? throw new InvalidOperationException("could not start the relay");
}

static async Task WaitForPortAsync(int port, CancellationToken cancellationToken)
{
    var deadline = DateTime.UtcNow.AddSeconds(30);
    while (DateTime.UtcNow < deadline)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
            return;
        }
        catch (SocketException)
        {
            await Task.Delay(100, cancellationToken);
        }
    }

    throw new TimeoutException($"the relay did not listen on port {port}");
}
