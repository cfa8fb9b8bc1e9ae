using System.Diagnostics;
using System.Runtime;
using Microsoft.Extensions.Options;
using StudyRooms.Server.Options;

namespace StudyRooms.Server.Hosting;

/// <summary>
/// Gives memory back to the system when the server does not need it: once right after start-up,
/// and, while <see cref="StudyRoomsOptions.TrimHeapWhenQuiet"/> is on, whenever the server has gone
/// quiet after a burst (<see cref="HeapTrimPolicy"/>). A trim is one blocking, compacting collection
/// of the whole heap that also returns the collector's free memory; it pauses the server (99–118 ms
/// with 1,000 connections on one core, growing with the live heap), which is why it waits for a
/// quiet moment. Start-up leaves about 29 MB of dead large objects that an idle server's gen-0/1
/// collections never reach (11 MiB less RSS at /ready); 1,000 clients joining leave the collector
/// about 25 MB above the live heap: 14–16 MiB less RSS once settled (docs/benchmarks.md, "Memory
/// after the join burst").
/// </summary>
public sealed partial class HeapTrimming : BackgroundService
{
    private readonly IHostApplicationLifetime _lifetime;
    private readonly ILogger<HeapTrimming> _logger;
    private readonly HeapTrimPolicy? _policy;
    private readonly TimeSpan _checkEvery;
    private int _trims;

    public HeapTrimming(IHostApplicationLifetime lifetime, IOptions<StudyRoomsOptions> options, ILogger<HeapTrimming> logger)
        : this(lifetime, logger, options.Value.TrimHeapWhenQuiet ? new HeapTrimPolicy() : null, TimeSpan.FromSeconds(1))
    {
    }

    internal HeapTrimming(IHostApplicationLifetime lifetime, ILogger<HeapTrimming> logger, HeapTrimPolicy? policy, TimeSpan checkEvery)
    {
        _lifetime = lifetime;
        _logger = logger;
        _policy = policy;
        _checkEvery = checkEvery;
    }

    /// <summary>Whether this server trims when quiet after a burst, besides the start-up trim.</summary>
    public bool TrimsWhenQuiet => _policy is not null;

    /// <summary>Trims so far, the start-up one included.</summary>
    public int Trims => Volatile.Read(ref _trims);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (_lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken);
        }

        Trim("start-up");
        if (_policy is null)
        {
            return;
        }

        using var timer = new PeriodicTimer(_checkEvery);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var last = GC.GetGCMemoryInfo();
            if (_policy.ShouldTrim(GC.GetTotalAllocatedBytes(), last.TotalCommittedBytes, last.HeapSizeBytes - last.FragmentedBytes))
            {
                Trim("quiet after a burst");
            }
        }
    }

    private void Trim(string when)
    {
        var workingSet = Environment.WorkingSet;
        var committed = GC.GetGCMemoryInfo().TotalCommittedBytes;
        var pause = Stopwatch.StartNew();
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        pause.Stop();
        // The policy counts allocation from the collection itself, before the trim is visible in
        // Trims or the log: what is allocated while the log line is written counts towards the next.
        _policy?.Trimmed(GC.GetTotalAllocatedBytes());
        Interlocked.Increment(ref _trims);
        Trimmed(_logger, when, committed / MiB, GC.GetGCMemoryInfo().TotalCommittedBytes / MiB, workingSet / MiB, Environment.WorkingSet / MiB, pause.ElapsedMilliseconds);
    }

    private const long MiB = 1024 * 1024;

    [LoggerMessage(EventId = 1901, Level = LogLevel.Information,
        Message = "Trimmed the heap ({When}): GC committed {CommittedBeforeMiB} -> {CommittedAfterMiB} MiB, working set {BeforeMiB} -> {AfterMiB} MiB, paused {PauseMs} ms")]
    private static partial void Trimmed(ILogger logger, string when, long committedBeforeMiB, long committedAfterMiB, long beforeMiB, long afterMiB, long pauseMs);
}
