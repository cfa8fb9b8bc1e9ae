using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using HdrHistogram;

namespace StudyRooms.LoadTest;

/// <summary>
/// Runs the scenario against one target: connect everyone, warm up, measure for a fixed duration,
/// drain, report. Latency is edit-to-peer: from the sender's send to each peer's receipt, measured
/// in this one process so no clocks need to agree.
/// </summary>
public sealed partial class Scenario(LoadOptions options, ITarget target, int? serverPid)
{
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(3);

    private readonly ConcurrentDictionary<string, long> _sentAt = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _errors = new(StringComparer.Ordinal);
    private readonly LongConcurrentHistogram _latency = NewHistogram();
    private readonly LongConcurrentHistogram _ack = NewHistogram();
    private long _windowStart = long.MaxValue;
    private long _windowEnd = long.MaxValue;
    private long _editsInWindow;
    private long _expectedDeliveries;
    private long _deliveries;

    public async Task<LoadReport> RunAsync(CancellationToken cancellationToken)
    {
        var monitor = serverPid is { } pid ? new ProcessMonitor(pid) : null;
        var roomSizes = Enumerable.Range(0, options.Rooms).Select(r => Enumerable.Range(0, options.Clients).Count(c => c % options.Rooms == r)).ToArray();
        Console.Error.WriteLine($"[{target.Name}] connecting {options.Clients} clients into {options.Rooms} rooms…");
        var sessions = new IClientSession[options.Clients];
        using (var gate = new SemaphoreSlim(32))
        {
            await Task.WhenAll(Enumerable.Range(0, options.Clients).Select(async i =>
            {
                await gate.WaitAsync(cancellationToken);
                try
                {
                    sessions[i] = await target.ConnectAsync(i, i % options.Rooms, Delivered, cancellationToken);
                }
                finally
                {
                    gate.Release();
                }
            }));
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var start = Stopwatch.GetTimestamp();
        var warmupEnd = start + Ticks(options.WarmupSeconds);
        var measureEnd = warmupEnd + Ticks(options.DurationSeconds);
        Volatile.Write(ref _windowStart, warmupEnd);
        Volatile.Write(ref _windowEnd, measureEnd);

        var loops = new List<Task>();
        for (var i = 0; i < sessions.Length; i++)
        {
            var peers = roomSizes[i % options.Rooms] - 1;
            loops.Add(EditLoopAsync(i, sessions[i], peers, measureEnd, stop.Token));
            if (options.CursorHz > 0)
            {
                loops.Add(CursorLoopAsync(i, sessions[i], measureEnd, stop.Token));
            }
        }

        var progress = ProgressAsync(start, warmupEnd, measureEnd, monitor, stop.Token);
        await WaitUntilAsync(warmupEnd, cancellationToken);
        var cpuStart = monitor?.CpuSeconds();
        await Task.WhenAll(loops);

        // Drain: give in-flight deliveries a moment, stop early once everything arrived.
        var drainEnd = Stopwatch.GetTimestamp() + (long)(DrainTimeout.TotalSeconds * Stopwatch.Frequency);
        while (Interlocked.Read(ref _deliveries) < Interlocked.Read(ref _expectedDeliveries) && Stopwatch.GetTimestamp() < drainEnd)
        {
            await Task.Delay(20, cancellationToken);
        }

        var cpuEnd = monitor?.CpuSeconds();
        await stop.CancelAsync();
        await progress;
        await Task.WhenAll(sessions.Select(s => s.DisposeAsync().AsTask()));

        var seconds = options.DurationSeconds;
        var deliveries = Interlocked.Read(ref _deliveries);
        var expected = Math.Max(1, Interlocked.Read(ref _expectedDeliveries));
        double? cpu = cpuStart is { } a && cpuEnd is { } b ? b - a : null;
        return new LoadReport
        {
            Target = target.Name,
            Clients = options.Clients,
            Rooms = options.Rooms,
            EditsPerClientPerSecond = options.EditsPerSecond,
            DurationSeconds = seconds,
            EditsSentPerSecond = Interlocked.Read(ref _editsInWindow) / (double)seconds,
            DeliveriesPerSecond = deliveries / (double)seconds,
            DeliveryRatio = deliveries / (double)expected,
            LatencyP50Ms = Ms(Percentile(_latency, 50)),
            LatencyP95Ms = Ms(Percentile(_latency, 95)),
            LatencyP99Ms = Ms(Percentile(_latency, 99)),
            LatencyMaxMs = Ms(_latency.TotalCount == 0 ? 0 : _latency.GetMaxValue()),
            AckP50Ms = Ms(Percentile(_ack, 50)),
            AckP99Ms = Ms(Percentile(_ack, 99)),
            Errors = new Dictionary<string, long>(_errors),
            ServerCpuSeconds = cpu,
            ServerCpuSecondsPer1000Deliveries = cpu is { } c && deliveries > 0 ? c / deliveries * 1000 : null,
            ServerMicrosecondsPerDelivery = cpu is { } d && deliveries > 0 ? d / deliveries * 1_000_000 : null,
            ServerPeakRssMiB = monitor is null ? null : monitor.PeakRssKiB / 1024.0,
        };
    }

    private void Delivered(string elementId)
    {
        if (_sentAt.TryGetValue(elementId, out var sent) && sent >= Volatile.Read(ref _windowStart) && sent < Volatile.Read(ref _windowEnd))
        {
            _latency.RecordValue(Micros(Stopwatch.GetTimestamp() - sent));
            Interlocked.Increment(ref _deliveries);
        }
    }

    private async Task EditLoopAsync(int client, IClientSession session, int peers, long until, CancellationToken cancellationToken)
    {
        if (options.EditsPerSecond <= 0)
        {
            return;
        }

        var interval = Stopwatch.Frequency / options.EditsPerSecond;
        var next = Stopwatch.GetTimestamp() + (long)(Random.Shared.NextDouble() * interval);
        var points = Enumerable.Range(0, options.PointsPerEdit * 2).Select(i => (double)(i * 3 % 97)).ToArray();
        var pending = new List<Task>();
        for (long seq = 0; ; seq++)
        {
            await WaitUntilAsync(next, cancellationToken);
            if (Stopwatch.GetTimestamp() >= until || cancellationToken.IsCancellationRequested)
            {
                break;
            }

            var id = $"e{client}_{seq}";
            var sent = Stopwatch.GetTimestamp();
            _sentAt[id] = sent;
            var inWindow = sent >= Volatile.Read(ref _windowStart) && sent < until;
            if (inWindow)
            {
                Interlocked.Increment(ref _editsInWindow);
                Interlocked.Add(ref _expectedDeliveries, peers);
            }

            pending.Add(SendAsync(session, id, points, sent, inWindow));
            pending.RemoveAll(t => t.IsCompleted);
            next += (long)interval;
        }

        await Task.WhenAll(pending);
    }

    private async Task SendAsync(IClientSession session, string id, double[] points, long sent, bool record)
    {
        try
        {
            await session.SendEditAsync(id, points);
            if (record)
            {
                _ack.RecordValue(Micros(Stopwatch.GetTimestamp() - sent));
            }
        }
        catch (Exception e)
        {
            var match = CodePattern().Match(e.Message);
            _errors.AddOrUpdate(match.Success ? match.Groups[1].Value : e.GetType().Name, 1, (_, n) => n + 1);
        }
    }

    private async Task CursorLoopAsync(int client, IClientSession session, long until, CancellationToken cancellationToken)
    {
        var interval = Stopwatch.Frequency / options.CursorHz;
        var next = Stopwatch.GetTimestamp() + (long)(Random.Shared.NextDouble() * interval);
        for (var i = 0; ; i++)
        {
            await WaitUntilAsync(next, cancellationToken);
            if (Stopwatch.GetTimestamp() >= until || cancellationToken.IsCancellationRequested)
            {
                break;
            }

            try
            {
                await session.SendCursorAsync(client % 100 * 10 + i % 50, i % 80);
            }
            catch (Exception e)
            {
                _errors.AddOrUpdate("cursor:" + e.GetType().Name, 1, (_, n) => n + 1);
            }

            next += (long)interval;
        }
    }

    private async Task ProgressAsync(long start, long warmupEnd, long measureEnd, ProcessMonitor? monitor, CancellationToken cancellationToken)
    {
        var lastDeliveries = 0L;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(1000, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var now = Stopwatch.GetTimestamp();
            var rss = monitor?.SampleRssKiB();
            var deliveries = Interlocked.Read(ref _deliveries);
            var phase = now < warmupEnd ? "warm-up" : now < measureEnd ? "measure" : "drain";
            Console.Error.WriteLine(
                $"[{target.Name}] t={Stopwatch.GetElapsedTime(start).TotalSeconds,5:0.0}s {phase,-7} deliveries/s={deliveries - lastDeliveries,7} p99={Ms(Percentile(_latency, 99)),7:0.00}ms errors={_errors.Values.Sum()}" +
                (rss is { } r ? $" rss={r / 1024}MiB" : ""));
            lastDeliveries = deliveries;
        }
    }

    private static async Task WaitUntilAsync(long timestamp, CancellationToken cancellationToken)
    {
        var wait = timestamp - Stopwatch.GetTimestamp();
        if (wait > 0)
        {
            await Task.Delay(TimeSpan.FromSeconds(wait / (double)Stopwatch.Frequency), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The value at a percentile; 0 while nothing was recorded (HdrHistogram throws then).</summary>
    private static long Percentile(LongConcurrentHistogram histogram, double percentile) =>
        histogram.TotalCount == 0 ? 0 : histogram.GetValueAtPercentile(percentile);

    private static long Ticks(double seconds) => (long)(seconds * Stopwatch.Frequency);

    private static long Micros(long ticks) => Math.Max(1, ticks * 1_000_000 / Stopwatch.Frequency);

    private static double Ms(long micros) => micros / 1000.0;

    private static LongConcurrentHistogram NewHistogram() => new(1, 60_000_000, 3);

    [GeneratedRegex(@"HubException: ([A-Z][A-Z_]+):")]
    private static partial Regex CodePattern();
}
