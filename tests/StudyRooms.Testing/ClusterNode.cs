using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace StudyRooms.Testing;

/// <summary>
/// One server of a Redis-mode cluster as its own OS process on its own free HTTP, silo and gateway
/// ports. Unlike <see cref="ServerProcess"/> it can also be stopped gracefully with SIGTERM, the
/// signal Kubernetes and systemd send on a rolling deploy.
/// </summary>
public sealed class ClusterNode : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output;

    private ClusterNode(Process process, string name, Uri baseAddress, int siloPort, ConcurrentQueue<string> output)
    {
        _process = process;
        Name = name;
        BaseAddress = baseAddress;
        SiloPort = siloPort;
        _output = output;
    }

    public string Name { get; }

    public Uri BaseAddress { get; }

    public int SiloPort { get; }

    public ServerClient Client => new(BaseAddress);

    public bool HasExited => _process.HasExited;

    /// <summary>The process's exit code; only once it has exited.</summary>
    public int ExitCode => _process.ExitCode;

    public string Output => string.Join('\n', _output);

    public static async Task<ClusterNode> StartAsync(string name, IReadOnlyDictionary<string, string> settings)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "studyrooms-node-" + Guid.NewGuid().ToString("N"));
        var (process, httpPort, siloPort, output) = ServerProcess.Launch(dataDirectory, settings);
        var node = new ClusterNode(process, name, new Uri($"http://127.0.0.1:{httpPort}"), siloPort, output);
        await node.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        return node;
    }

    /// <summary>GET /ready's status code, or null while nothing answers.</summary>
    public async Task<int?> ReadyStatusAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            return (int)(await http.GetAsync("/ready")).StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    public Task WaitUntilReadyAsync(TimeSpan timeout) =>
        Poll.UntilAsync(
            async () =>
            {
                if (_process.HasExited)
                {
                    throw new InvalidOperationException($"server {Name} exited with code {_process.ExitCode}:\n{Output}");
                }

                return await ReadyStatusAsync() == 200;
            },
            $"server {Name} is ready",
            timeout);

    /// <summary>SIGKILL: no shutdown hooks, no flushing, no goodbye to the cluster.</summary>
    public async Task CrashAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, as a rolling deploy sends it, then waits for the process to finish its shutdown.</summary>
    public async Task TerminateAsync(TimeSpan timeout)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var deadline = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(deadline.Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await CrashAsync();
        }

        _process.Dispose();
    }
}
