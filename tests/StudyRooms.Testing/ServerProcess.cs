using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace StudyRooms.Testing;

/// <summary>
/// The server as a separate OS process (the StudyRooms.Server.dll built beside the tests), so a test
/// can crash it for real with SIGKILL.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output;

    private ServerProcess(Process process, Uri baseAddress, ConcurrentQueue<string> output)
    {
        _process = process;
        BaseAddress = baseAddress;
        _output = output;
    }

    public Uri BaseAddress { get; }

    public ServerClient Client => new(BaseAddress);

    public string Output => string.Join('\n', _output);

    public static async Task<ServerProcess> StartAsync(string dataDirectory, IReadOnlyDictionary<string, string>? settings = null)
    {
        var (process, port, _, output) = Launch(dataDirectory, settings);
        var server = new ServerProcess(process, new Uri($"http://127.0.0.1:{port}"), output);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        await Poll.UntilAsync(
            async () =>
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"the server exited with code {process.ExitCode}:\n{server.Output}");
                }

                try
                {
                    return (await http.GetAsync("/ready")).IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            },
            "the server process is ready",
            TimeSpan.FromSeconds(60));
        return server;
    }

    /// <summary>Starts the server and waits for it to end by itself, as a start that fails does.</summary>
    public static async Task<(int ExitCode, string Output)> RunUntilExitAsync(string dataDirectory, IReadOnlyDictionary<string, string> settings, TimeSpan timeout)
    {
        var (process, _, _, output) = Launch(dataDirectory, settings);
        using (process)
        {
            using var deadline = new CancellationTokenSource(timeout);
            try
            {
                await process.WaitForExitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"the server did not end within {timeout}:\n{string.Join('\n', output)}");
            }

            // The output's last lines may still be on their way through the readers.
            process.WaitForExit();
            return (process.ExitCode, string.Join('\n', output));
        }
    }

    /// <summary>
    /// Starts StudyRooms.Server.dll (built beside the tests) on free HTTP, silo and gateway ports,
    /// collecting its output; <paramref name="settings"/> override configuration keys. Shared by
    /// <see cref="ServerProcess"/> and <see cref="ClusterNode"/>.
    /// </summary>
    internal static (Process Process, int HttpPort, int SiloPort, ConcurrentQueue<string> Output) Launch(
        string dataDirectory, IReadOnlyDictionary<string, string>? settings)
    {
        var httpPort = FreePorts.Next();
        var siloPort = FreePorts.Next();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "StudyRooms.Server.dll"));
        var all = new Dictionary<string, string>
        {
            ["urls"] = $"http://127.0.0.1:{httpPort}",
            ["StudyRooms:DataDirectory"] = dataDirectory,
            ["StudyRooms:SiloPort"] = siloPort.ToString(CultureInfo.InvariantCulture),
            ["StudyRooms:GatewayPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }

        foreach (var (key, value) in all)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        var output = new ConcurrentQueue<string>();
        var process = Process.Start(start) ?? throw new InvalidOperationException("the server process did not start");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { output.Enqueue(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { output.Enqueue(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return (process, httpPort, siloPort, output);
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing; what survives is what was durable.</summary>
    public async Task CrashAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
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
