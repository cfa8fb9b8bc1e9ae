using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;

namespace StudyRooms.Testing;

/// <summary>
/// A redis-server with AOF on a fixed port and directory that a test can stop and start again, as
/// an operator restarts Redis: what it acknowledged and wrote to the AOF must come back.
/// </summary>
public sealed class RestartableRedis : IAsyncDisposable
{
    private Process? _process;

    private RestartableRedis(int port, string directory)
    {
        Port = port;
        Directory = directory;
    }

    public int Port { get; }

    public string Directory { get; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    public static async Task<RestartableRedis> StartAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "studyrooms-redis-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var redis = new RestartableRedis(FreePorts.Next(), directory);
        await redis.StartAgainAsync();
        return redis;
    }

    /// <summary>Starts redis-server on the same port and directory, so it replays its AOF.</summary>
    public async Task StartAgainAsync()
    {
        var binary = new[] { "/usr/bin/redis-server", "/usr/local/bin/redis-server" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("redis-server was not found. Install it (./test.sh does: apt-get install -y redis-server); Redis tests never skip.");
        var start = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[]
        {
            "--port", Port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "",
            "--appendonly", "yes", "--appendfsync", "always", "--dir", Directory,
        })
        {
            start.ArgumentList.Add(arg);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start");
        _process.OutputDataReceived += static (_, _) => { };
        _process.ErrorDataReceived += static (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await Poll.UntilAsync(Accepts, $"redis-server accepts connections on port {Port}");
    }

    /// <summary>SIGTERM: Redis finishes its AOF and exits, as on `systemctl restart redis`.</summary>
    public async Task StopAsync()
    {
        var process = _process ?? throw new InvalidOperationException("redis-server is not running");
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await process.WaitForExitAsync(deadline.Token);
        process.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        _process?.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless.
        }
    }

    private bool Accepts()
    {
        if (_process is { HasExited: true } process)
        {
            throw new InvalidOperationException($"redis-server exited with code {process.ExitCode}");
        }

        try
        {
            using var client = new TcpClient();
            client.Connect("127.0.0.1", Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
