using System.Globalization;

namespace StudyRooms.LoadTest;

/// <summary>CPU time and resident memory of the server process, read from /proc (Linux).</summary>
public sealed class ProcessMonitor(int pid)
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    private long _peakRssKiB;

    public long PeakRssKiB => Interlocked.Read(ref _peakRssKiB);

    /// <summary>User + system CPU seconds the process has used so far.</summary>
    public double CpuSeconds()
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // After "pid (comm) ", field 0 is state; utime and stime are fields 11 and 12.
        var utime = long.Parse(fields[11], CultureInfo.InvariantCulture);
        var stime = long.Parse(fields[12], CultureInfo.InvariantCulture);
        return (utime + stime) / TicksPerSecond;
    }

    public long SampleRssKiB()
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                var kib = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
                long peak;
                do
                {
                    peak = Interlocked.Read(ref _peakRssKiB);
                }
                while (kib > peak && Interlocked.CompareExchange(ref _peakRssKiB, kib, peak) != peak);

                return kib;
            }
        }

        return 0;
    }
}
