using System.Diagnostics;

namespace StudyRooms.LoadTest;

/// <summary>
/// The driver's socket completions run inline on the socket engine's thread instead of hopping to
/// the thread pool: a driver process is only a client, whose receive handlers are short and never
/// block, and on its one core the hop per received message was a third of its CPU (driver CPU for
/// a 25 s run of the bare relay at 400 / 40 / 5: 19.9 s with the hop, 14.0 s without;
/// docs/benchmarks.md, "A cheaper driver"). The runtime reads the setting once, when the first
/// socket is made, so it is set first thing in a driver process. A server the tool starts (the bare
/// relay) runs without it, as StudyRooms does.
/// </summary>
internal static class DriverSockets
{
    private const string InlineCompletions = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    private static bool _setHere;

    /// <summary>Turns inline completions on for this process unless its environment already says.</summary>
    public static void PreferInlineCompletions()
    {
        if (Environment.GetEnvironmentVariable(InlineCompletions) is null)
        {
            Environment.SetEnvironmentVariable(InlineCompletions, "1");
            _setHere = true;
        }
    }

    /// <summary>A server started from a driver process gets the runtime's default back.</summary>
    public static void AsServer(ProcessStartInfo start)
    {
        if (_setHere)
        {
            start.Environment.Remove(InlineCompletions);
        }
    }
}
