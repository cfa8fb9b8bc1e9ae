using System.Globalization;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace StudyRooms.LoadTest;

/// <summary>One stop of every managed thread for the GC: when it began (from the trace's start), how long it held, and the collections it ran.</summary>
public sealed record GcPause(TimeSpan At, TimeSpan Length, IReadOnlyList<string> Collections);

/// <summary>
/// The GC pauses in an EventPipe trace of the server, for finding where a latency tail comes from
/// (docs/benchmarks.md). Record one with
/// <c>dotnet-trace collect -p PID --providers Microsoft-Windows-DotNETRuntime:0x1:4 --duration 00:00:00:40</c>;
/// a pause runs from the execution engine's suspension to its restart, and names each collection in it
/// as <c>gen0</c>, <c>gen1</c>, <c>gen2</c> (blocking) or <c>gen2-background</c> with the GC's reason.
/// </summary>
public static class GcPauses
{
    public static IReadOnlyList<GcPause> Read(string nettracePath)
    {
        using var source = new EventPipeEventSource(nettracePath);
        var pauses = new List<GcPause>();
        var collections = new List<string>();
        double? start = null;
        double? suspendedAt = null;
        source.Clr.GCSuspendEEStart += e =>
        {
            start ??= e.TimeStampRelativeMSec;
            suspendedAt = e.TimeStampRelativeMSec;
            collections.Clear();
        };
        source.Clr.GCStart += e =>
        {
            var kind = e.Type == GCType.BackgroundGC ? $"gen{e.Depth}-background" : $"gen{e.Depth}";
            collections.Add(string.Create(CultureInfo.InvariantCulture, $"{kind} ({e.Reason})"));
        };
        source.Clr.GCRestartEEStop += e =>
        {
            if (suspendedAt is { } at)
            {
                pauses.Add(new GcPause(TimeSpan.FromMilliseconds(at - start!.Value), TimeSpan.FromMilliseconds(e.TimeStampRelativeMSec - at), collections.ToArray()));
                suspendedAt = null;
            }
        };
        source.Process();
        return pauses;
    }

    public static void Print(IReadOnlyList<GcPause> pauses, TextWriter output)
    {
        if (pauses.Count == 0)
        {
            output.WriteLine("no GC pauses in the trace (was it recorded with Microsoft-Windows-DotNETRuntime:0x1:4?)");
            return;
        }

        var lengths = pauses.Select(p => p.Length.TotalMilliseconds).Order().ToArray();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{pauses.Count} pauses over {pauses[^1].At.TotalSeconds:0.0} s: {lengths.Sum():0} ms in all, median {lengths[lengths.Length / 2]:0.0} ms, p99 {lengths[Math.Min(lengths.Length - 1, (int)(lengths.Length * 0.99))]:0.0} ms, max {lengths[^1]:0.0} ms"));
        foreach (var kind in pauses.GroupBy(p => KindOf(p)).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {kind.Key,-16} {kind.Count(),5} pauses, {kind.Sum(p => p.Length.TotalMilliseconds),7:0} ms in all, max {kind.Max(p => p.Length.TotalMilliseconds),6:0.0} ms"));
        }

        output.WriteLine("longest:");
        foreach (var pause in pauses.OrderByDescending(p => p.Length).Take(10))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  at {pause.At.TotalSeconds,7:0.000} s {pause.Length.TotalMilliseconds,7:0.0} ms  {string.Join(", ", pause.Collections)}"));
        }
    }

    /// <summary>The deepest collection of a pause, which is what its length mostly pays for.</summary>
    private static string KindOf(GcPause pause) =>
        pause.Collections.Count == 0
            ? "no collection"
            : pause.Collections.Select(c => c.Split(' ')[0]).OrderByDescending(k => k, StringComparer.Ordinal).First();
}
