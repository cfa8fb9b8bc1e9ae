using System.Diagnostics;
using HdrHistogram;

namespace StudyRooms.LoadTest;

/// <summary>
/// Runs one scenario over one or more drivers: connects them (drawers first), starts them at one
/// shared time, prints progress, samples the server, decides when the drain is over (every expected
/// delivery arrived, or 3 s after the last acknowledgement, or at most 30 s after the window), and merges what they measured.
/// </summary>
public sealed class Coordinator(LoadOptions options, string targetName, int? serverPid, RecoveryProbe? probe = null)
{
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(3);

    /// <summary>The longest wait for acknowledgements after the measured window.</summary>
    private static readonly TimeSpan MaxDrain = TimeSpan.FromSeconds(30);

    public async Task<LoadReport> RunAsync(IReadOnlyList<IShard> shards, CancellationToken cancellationToken)
    {
        var monitor = serverPid is { } pid ? new ProcessMonitor(pid) : null;
        var drivers = shards.Select(s => s.ProcessId).Distinct().Select(p => new ProcessMonitor(p)).ToArray();
        Console.Error.WriteLine($"[{targetName}] connecting {options.Clients} clients into {options.Rooms} rooms over {shards.Count} driver process(es)…");
        await Task.WhenAll(shards.Select(s => s.ConnectAsync(drawers: true, cancellationToken)));
        if (options.Drawers is not null)
        {
            await Task.WhenAll(shards.Select(s => s.ConnectAsync(drawers: false, cancellationToken)));
        }

        if (probe is not null)
        {
            await probe.ConnectAsync(cancellationToken);
        }

        var start = Stopwatch.GetTimestamp() + Scenario.Ticks(0.2);
        var warmupEnd = start + Scenario.Ticks(options.WarmupSeconds);
        var measureEnd = warmupEnd + Scenario.Ticks(options.DurationSeconds);
        foreach (var shard in shards)
        {
            shard.Start(start);
        }

        var recovery = probe?.RunAsync(measureEnd, cancellationToken);
        var rss = new List<double[]>();
        double? cpuStart = null;
        var driverCpuStart = 0.0;
        var lastDeliveries = 0L;
        var nextSample = start + Stopwatch.Frequency;
        long? drainStart = null;
        while (true)
        {
            await Scenario.WaitUntilAsync(Math.Min(nextSample, Stopwatch.GetTimestamp() + Scenario.Ticks(0.05)), cancellationToken);
            var now = Stopwatch.GetTimestamp();
            if (cpuStart is null && now >= warmupEnd)
            {
                cpuStart = monitor?.CpuSeconds() ?? 0;
                driverCpuStart = drivers.Sum(d => d.CpuSeconds());
            }

            var counters = shards.Select(s => s.Counters).ToArray();
            var deliveries = counters.Sum(c => c.Deliveries);
            var expected = counters.Sum(c => c.ExpectedDeliveries);
            if (now >= nextSample)
            {
                var kib = monitor?.SampleRssKiB();
                var second = (now - start) / Stopwatch.Frequency;
                if (kib is { } k && now >= warmupEnd && (second - options.WarmupSeconds) % options.RssEverySeconds == 0)
                {
                    rss.Add([second - options.WarmupSeconds, Math.Round(k / 1024.0, 1)]);
                }

                var phase = now < warmupEnd ? "warm-up" : now < measureEnd ? "measure" : "drain";
                Console.Error.WriteLine(
                    $"[{targetName}] t={(now - start) / (double)Stopwatch.Frequency,5:0.0}s {phase,-7} deliveries/s={deliveries - lastDeliveries,7} cursors={counters.Sum(c => c.CursorDeliveries)} errors={counters.Sum(c => c.Errors)}" +
                    (kib is { } r ? $" rss={r / 1024}MiB" : ""));
                lastDeliveries = deliveries;
                nextSample += Stopwatch.Frequency;
            }

            if (now >= measureEnd + Scenario.Ticks(MaxDrain.TotalSeconds))
            {
                // A server that fell far behind: stop; the unanswered edits are reported as errors.
                break;
            }

            if (now >= measureEnd && counters.All(c => c.LoopsDone))
            {
                drainStart ??= now;
                if (deliveries >= expected || now - drainStart >= Scenario.Ticks(DrainTimeout.TotalSeconds))
                {
                    break;
                }
            }
        }

        var cpuEnd = monitor?.CpuSeconds();
        var driverCpu = drivers.Sum(d => d.CpuSeconds()) - driverCpuStart;
        if (monitor?.SampleRssKiB() is { } last)
        {
            rss.Add([Math.Round((Stopwatch.GetTimestamp() - warmupEnd) / (double)Stopwatch.Frequency), Math.Round(last / 1024.0, 1)]);
        }

        var results = await Task.WhenAll(shards.Select(s => s.StopAsync()));
        var recoverySeconds = recovery is null ? null : await recovery;
        await Task.WhenAll(shards.Select(s => s.DisposeAsync().AsTask()));
        var report = Merge(results, cpuEnd - cpuStart, driverCpu, monitor, rss);
        if (probe is null)
        {
            return report;
        }

        await probe.DisposeAsync();
        return report with
        {
            RecoverySeconds = recoverySeconds,
            ProbeRefusals = probe.Refusals,
            Acknowledged = report.Acknowledged + probe.Acknowledged.Count,
            AcknowledgedIds = Acknowledged(results.Select(r => r.Acknowledged).Append(new() { [probe.RoomIndex] = [.. probe.Acknowledged] })),
        };
    }

    private LoadReport Merge(ShardResult[] results, double? cpu, double driverCpu, ProcessMonitor? monitor, List<double[]> rss)
    {
        var latency = Scenario.NewHistogram();
        var ack = Scenario.NewHistogram();
        var errors = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var result in results)
        {
            ShardResult.AddTo(latency, result.Latency);
            ShardResult.AddTo(ack, result.Ack);
            foreach (var (kind, count) in result.Errors)
            {
                errors[kind] = errors.GetValueOrDefault(kind) + count;
            }
        }

        double seconds = options.DurationSeconds;
        var deliveries = results.Sum(r => r.Deliveries);
        var expected = Math.Max(1, results.Sum(r => r.ExpectedDeliveries));
        return new LoadReport
        {
            Target = targetName,
            Protocol = options.Protocol,
            Client = options.Client,
            Processes = options.Processes,
            Clients = options.Clients,
            Rooms = options.Rooms,
            Drawers = options.Drawers,
            EditsPerClientPerSecond = options.EditsPerSecond,
            CursorHz = options.CursorHz,
            DurationSeconds = seconds,
            EditsSentPerSecond = results.Sum(r => r.EditsInWindow) / seconds,
            DeliveriesPerSecond = deliveries / seconds,
            DeliveryRatio = deliveries / (double)expected,
            CursorDeliveriesPerSecond = results.Sum(r => r.CursorDeliveries) / seconds,
            LatencyP50Ms = Ms(Percentile(latency, 50)),
            LatencyP95Ms = Ms(Percentile(latency, 95)),
            LatencyP99Ms = Ms(Percentile(latency, 99)),
            LatencyMaxMs = Ms(latency.TotalCount == 0 ? 0 : latency.GetMaxValue()),
            AckP50Ms = Ms(Percentile(ack, 50)),
            AckP99Ms = Ms(Percentile(ack, 99)),
            Errors = errors,
            ServerCpuSeconds = cpu,
            ServerCpuSecondsPer1000Deliveries = cpu is { } c && deliveries > 0 ? c / deliveries * 1000 : null,
            ServerMicrosecondsPerDelivery = cpu is { } d && deliveries > 0 ? d / deliveries * 1_000_000 : null,
            DriverCpuSeconds = driverCpu,
            DriverMicrosecondsPerDelivery = deliveries > 0 ? driverCpu / deliveries * 1_000_000 : null,
            ServerPeakRssMiB = monitor is null ? null : monitor.PeakRssKiB / 1024.0,
            ServerRssMiB = monitor is null ? null : rss,
            Acknowledged = results.Sum(r => r.Acknowledged.Values.Sum(ids => (long)ids.Length)),
            AcknowledgedIds = Acknowledged(results.Select(r => r.Acknowledged)),
        };
    }

    /// <summary>The drivers' acknowledged element ids merged by room id.</summary>
    private Dictionary<string, string[]> Acknowledged(IEnumerable<Dictionary<int, string[]>> byDriver) =>
        byDriver.SelectMany(d => d)
            .GroupBy(r => options.RoomIds is { } ids ? ids[r.Key] : r.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.SelectMany(r => r.Value).ToArray(), StringComparer.Ordinal);

    /// <summary>The value at a percentile; 0 while nothing was recorded (HdrHistogram throws then).</summary>
    private static long Percentile(HistogramBase histogram, double percentile) =>
        histogram.TotalCount == 0 ? 0 : histogram.GetValueAtPercentile(percentile);

    private static double Ms(long micros) => micros / 1000.0;
}
