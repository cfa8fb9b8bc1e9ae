using HdrHistogram;

namespace StudyRooms.LoadTest;

/// <summary>What one driver measured, as it travels from a child driver to the parent (one JSON line).</summary>
public sealed record ShardResult
{
    public long EditsInWindow { get; init; }
    public long ExpectedDeliveries { get; init; }
    public long Deliveries { get; init; }
    public long CursorDeliveries { get; init; }
    public Dictionary<string, long> Errors { get; init; } = [];

    /// <summary>Edit-to-peer latency in µs as [value, count] pairs of the histogram's recorded buckets.</summary>
    public long[][] Latency { get; init; } = [];

    /// <summary>Acknowledgement latency in µs, same form.</summary>
    public long[][] Ack { get; init; } = [];

    /// <summary>Element ids of every edit the server acknowledged, by room index (for --verify-acks).</summary>
    public Dictionary<int, string[]> Acknowledged { get; init; } = [];

    public static long[][] Values(HistogramBase histogram)
    {
        // A record still in flight on another thread makes the iteration throw; read again.
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return histogram.RecordedValues().Select(v => new[] { v.ValueIteratedTo, v.CountAtValueIteratedTo }).ToArray();
            }
            catch (InvalidOperationException) when (attempt < 20)
            {
                Thread.Sleep(10);
            }
        }
    }

    public static void AddTo(HistogramBase histogram, long[][] values)
    {
        foreach (var pair in values)
        {
            histogram.RecordValueWithCount(pair[0], pair[1]);
        }
    }
}

/// <summary>A driver's running totals, reported while it runs so the parent can print progress and decide when the drain is over.</summary>
public sealed record ShardCounters(long Deliveries, long ExpectedDeliveries, long CursorDeliveries, long Errors, bool LoopsDone);
