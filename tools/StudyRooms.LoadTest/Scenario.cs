using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using HdrHistogram;
using StudyRooms.Contracts.Protocol;

namespace StudyRooms.LoadTest;

/// <summary>
/// One driver's share of the scenario: connects its clients, and from a start time common to all
/// drivers runs their edit and cursor loops (warm-up, then the measured window) and counts what
/// arrives. Edit-to-peer latency is from the sender's send to each peer's receipt; the send time
/// travels in the element id (<see cref="EditIds"/>), so sender and receiver may be in different
/// driver processes.
/// </summary>
public sealed partial class Scenario(LoadOptions options, ITarget target, IReadOnlyList<int> clients) : IDeliverySink, IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, long> _errors = new(StringComparer.Ordinal);
    private readonly LongConcurrentHistogram _latency = NewHistogram();
    private readonly LongConcurrentHistogram _ack = NewHistogram();
    private readonly ConcurrentDictionary<int, IClientSession> _sessions = new();
    private readonly ConcurrentDictionary<int, ConcurrentQueue<string>> _acknowledged = new();
    private readonly CancellationTokenSource _stop = new();
    private long _windowStart = long.MaxValue;
    private long _windowEnd = long.MaxValue;
    private long _editsInWindow;
    private long _expectedDeliveries;
    private long _deliveries;
    private long _cursorDeliveries;
    private Task? _loops;

    /// <summary>Connects this driver's drawers (<paramref name="drawers"/>) or its watchers; drawers first so watchers overflow as viewers.</summary>
    public async Task ConnectAsync(bool drawers, CancellationToken cancellationToken)
    {
        using var gate = new SemaphoreSlim(32);
        await Task.WhenAll(clients.Where(c => options.IsDrawer(c) == drawers).Select(async c =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                _sessions[c] = await target.ConnectAsync(c, options.RoomOf(c), this, cancellationToken);
            }
            finally
            {
                gate.Release();
            }
        }));
    }

    /// <summary>Starts the loops; <paramref name="start"/> is a <see cref="Stopwatch"/> timestamp shared by all drivers.</summary>
    public void Start(long start)
    {
        var warmupEnd = start + Ticks(options.WarmupSeconds);
        var measureEnd = warmupEnd + Ticks(options.DurationSeconds);
        Volatile.Write(ref _windowStart, warmupEnd);
        Volatile.Write(ref _windowEnd, measureEnd);
        var loops = new List<Task>();
        foreach (var (client, session) in _sessions.Where(s => options.IsDrawer(s.Key)))
        {
            loops.Add(EditLoopAsync(client, session, options.RoomSize(options.RoomOf(client)) - 1, start, measureEnd, _stop.Token));
            if (options.CursorHz > 0)
            {
                loops.Add(CursorLoopAsync(client, session, start, measureEnd, _stop.Token));
            }
        }

        _loops = Task.WhenAll(loops);
    }

    public ShardCounters Counters => new(
        Interlocked.Read(ref _deliveries),
        Interlocked.Read(ref _expectedDeliveries),
        Interlocked.Read(ref _cursorDeliveries),
        _errors.Values.Sum(),
        _loops?.IsCompleted == true);

    /// <summary>Stops the loops and answers what this driver measured.</summary>
    public async Task<ShardResult> StopAsync()
    {
        await _stop.CancelAsync();
        if (_loops is not null)
        {
            try
            {
                await _loops;
            }
            catch (OperationCanceledException)
            {
            }
        }

        // Late deliveries may still arrive on the connections' threads: stop recording, then copy.
        Volatile.Write(ref _windowEnd, long.MinValue);
        await Task.Delay(100);
        return new ShardResult
        {
            EditsInWindow = Interlocked.Read(ref _editsInWindow),
            ExpectedDeliveries = Interlocked.Read(ref _expectedDeliveries),
            Deliveries = Interlocked.Read(ref _deliveries),
            CursorDeliveries = Interlocked.Read(ref _cursorDeliveries),
            Errors = new Dictionary<string, long>(_errors),
            Latency = ShardResult.Values(_latency),
            Ack = ShardResult.Values(_ack),
            Acknowledged = _acknowledged.ToDictionary(r => r.Key, r => r.Value.ToArray()),
        };
    }

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_sessions.Values.Select(s => s.DisposeAsync().AsTask()));
        _stop.Dispose();
    }

    void IDeliverySink.Edit(string elementId)
    {
        if (EditIds.SentAt(elementId) is { } sent && sent >= Volatile.Read(ref _windowStart) && sent < Volatile.Read(ref _windowEnd))
        {
            _latency.RecordValue(Micros(Stopwatch.GetTimestamp() - sent));
            Interlocked.Increment(ref _deliveries);
        }
    }

    void IDeliverySink.Cursor()
    {
        var now = Stopwatch.GetTimestamp();
        if (now >= Volatile.Read(ref _windowStart) && now < Volatile.Read(ref _windowEnd))
        {
            Interlocked.Increment(ref _cursorDeliveries);
        }
    }

    private async Task EditLoopAsync(int client, IClientSession session, int peers, long start, long until, CancellationToken cancellationToken)
    {
        if (options.EditsPerSecond <= 0)
        {
            return;
        }

        var interval = Stopwatch.Frequency / options.EditsPerSecond;
        var next = start + (long)(Random.Shared.NextDouble() * interval);
        var points = Enumerable.Range(0, options.PointsPerEdit * 2).Select(i => (double)(i * 3 % 97)).ToArray();
        var pending = new List<Task>();
        for (long seq = 0; ; seq++)
        {
            await WaitUntilAsync(next, cancellationToken);
            if (Stopwatch.GetTimestamp() >= until || cancellationToken.IsCancellationRequested)
            {
                break;
            }

            var sent = Stopwatch.GetTimestamp();
            var id = EditIds.For(client, seq, sent);
            var inWindow = sent >= Volatile.Read(ref _windowStart) && sent < until;
            if (inWindow)
            {
                Interlocked.Increment(ref _editsInWindow);
                Interlocked.Add(ref _expectedDeliveries, peers);
            }

            pending.Add(SendAsync(session, id, points, sent, inWindow, options.RoomOf(client)));
            pending.RemoveAll(t => t.IsCompleted);
            next += (long)interval;
        }

        try
        {
            await Task.WhenAll(pending).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Stopped at the drain's limit: what is still unanswered counts as an error.
            _errors.AddOrUpdate("unacknowledged", pending.Count(t => !t.IsCompleted), (_, n) => n + pending.Count(t => !t.IsCompleted));
        }
    }

    private async Task SendAsync(IClientSession session, string id, double[] points, long sent, bool record, int room)
    {
        try
        {
            await session.SendEditAsync(id, points);
            _acknowledged.GetOrAdd(room, static _ => new()).Enqueue(id);
            if (record && Volatile.Read(ref _windowEnd) != long.MinValue)
            {
                _ack.RecordValue(Micros(Stopwatch.GetTimestamp() - sent));
            }
        }
        catch (Exception e)
        {
            var code = CodeOf(e);
            _errors.AddOrUpdate(code, 1, (_, n) => n + 1);
            if (code is ErrorCodes.Overloaded or ErrorCodes.RateLimited && RetryHint.Parse(e.Message) is null)
            {
                // Both promise a retry hint (P-ERR-5); count the refusals that broke the promise.
                _errors.AddOrUpdate(code + " without retry hint", 1, (_, n) => n + 1);
            }
        }
    }

    /// <summary>A refusal's code (P-ERR-1), or the exception's type name when it carries none (timeouts, closed connections).</summary>
    public static string CodeOf(Exception e) => CodePattern().Match(e.Message) is { Success: true } match ? match.Groups[1].Value : e.GetType().Name;

    private async Task CursorLoopAsync(int client, IClientSession session, long start, long until, CancellationToken cancellationToken)
    {
        var interval = Stopwatch.Frequency / options.CursorHz;
        var next = start + (long)(Random.Shared.NextDouble() * interval);
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

    internal static async Task WaitUntilAsync(long timestamp, CancellationToken cancellationToken)
    {
        var wait = timestamp - Stopwatch.GetTimestamp();
        if (wait > 0)
        {
            await Task.Delay(TimeSpan.FromSeconds(wait / (double)Stopwatch.Frequency), cancellationToken).ConfigureAwait(false);
        }
    }

    internal static long Ticks(double seconds) => (long)(seconds * Stopwatch.Frequency);

    /// <summary>Microseconds, clamped to the histograms' range (an hour): a value past it would throw in HdrHistogram.</summary>
    private static long Micros(long ticks) => Math.Clamp(ticks * 1_000_000 / Stopwatch.Frequency, 1, HighestMicros);

    private const long HighestMicros = 3_600_000_000;

    internal static LongConcurrentHistogram NewHistogram() => new(1, HighestMicros, 3);

    [GeneratedRegex(@"HubException: ([A-Z][A-Z_]+):")]
    private static partial Regex CodePattern();
}
