namespace StudyRooms.Server.Hosting;

/// <summary>
/// Decides when a server that has gone quiet should give back the memory a burst left committed.
/// A burst (hundreds of clients joining at once, a reconnect storm) allocates far more than it keeps,
/// and the garbage collector keeps the memory it grew into; on a quiet server no collection comes
/// along to return it. The policy asks for a trim once allocation has stayed low for a few checks,
/// the collector holds markedly more than the live heap, and enough has been allocated since the
/// last trim (64 MiB, and twice the live heap) that the memory could have come from a new burst, so
/// a quiet server is not trimmed again and again for the same few megabytes. A busy server is never
/// trimmed: its collector has work that returns memory anyway, and a blocking collection would stall it.
/// </summary>
internal sealed class HeapTrimPolicy
{
    private const long MiB = 1024 * 1024;

    private long _lastAllocated = -1;
    private long _trimmedAt;
    private int _quietChecks;

    /// <summary>At most this many bytes allocated since the previous check count as a quiet check.</summary>
    public long QuietBytesPerCheck { get; init; } = 1 * MiB;

    /// <summary>Quiet checks in a row before a trim.</summary>
    public int QuietChecksBeforeTrim { get; init; } = 2;

    /// <summary>Committed memory beyond the live heap (as of the last collection) worth a trim.</summary>
    public long MinimumSlackBytes { get; init; } = 12 * MiB;

    /// <summary>Bytes allocated since the last trim before another one.</summary>
    public long MinimumAllocatedSinceTrim { get; init; } = 64 * MiB;

    /// <summary>
    /// Also this many times the live heap allocated since the last trim: a trim's pause grows with
    /// the live heap (about 2.5 ms per MB on one core of the benchmark machine), so a big server is
    /// trimmed as rarely, per byte, as a small one.
    /// </summary>
    public int LiveHeapsAllocatedSinceTrim { get; init; } = 2;

    /// <summary>Notes a trim (or the start-up collection) at this total of allocated bytes.</summary>
    public void Trimmed(long allocatedTotal)
    {
        _trimmedAt = allocatedTotal;
        _lastAllocated = allocatedTotal;
        _quietChecks = 0;
    }

    /// <summary>
    /// One check: the process's total of allocated bytes so far, and the collector's committed bytes
    /// and live heap after its last collection. True when the heap should be trimmed now.
    /// </summary>
    public bool ShouldTrim(long allocatedTotal, long committedBytes, long liveBytes)
    {
        var sinceLastCheck = _lastAllocated < 0 ? long.MaxValue : allocatedTotal - _lastAllocated;
        _lastAllocated = allocatedTotal;
        _quietChecks = sinceLastCheck <= QuietBytesPerCheck ? _quietChecks + 1 : 0;
        return _quietChecks >= QuietChecksBeforeTrim
            && committedBytes - liveBytes >= MinimumSlackBytes
            && allocatedTotal - _trimmedAt >= Math.Max(MinimumAllocatedSinceTrim, LiveHeapsAllocatedSinceTrim * liveBytes);
    }
}
