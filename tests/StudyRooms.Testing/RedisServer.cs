using System.Diagnostics;
using System.Net.Sockets;

namespace StudyRooms.Testing;

/// <summary>
/// A real redis-server process on a free loopback port, with its own data directory, started from
/// the binary and stopped (SIGKILL is enough: nothing outlives the test run).
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly Process _process;

    private RedisServer(Process process, int port, string directory)
    {
        _process = process;
        Port = port;
        Directory = directory;
    }

    public int Port { get; }

    public string Directory { get; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    /// <param name="restoreFrom">
    /// An RDB file (a backup) to start from, the documented restore (docs/operations.md, "Backups"):
    /// loaded with AOF off, as Redis ignores the RDB when AOF is on.
    /// </param>
    /// <param name="password">A password Redis requires of every client (<c>requirepass</c>).</param>
    public static async Task<RedisServer> StartAsync(bool appendOnly = true, string? restoreFrom = null, string? password = null)
    {
        var binary = FindBinary("redis-server")
            ?? throw new InvalidOperationException(
                "redis-server was not found on PATH or in /usr/bin. Install it (./test.sh does: apt-get install -y redis-server); Redis tests never skip.");
        var port = FreePorts.Next();
        var directory = Path.Combine(Path.GetTempPath(), "studyrooms-redis-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        if (restoreFrom is not null)
        {
            File.Copy(restoreFrom, Path.Combine(directory, "dump.rdb"));
            appendOnly = false;
        }

        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--bind", "127.0.0.1",
            "--save", "",
            "--appendonly", appendOnly ? "yes" : "no",
            "--dir", directory,
            "--dbfilename", "dump.rdb",
            "--protected-mode", "yes",
        })
        {
            start.ArgumentList.Add(arg);
        }

        if (password is not null)
        {
            start.ArgumentList.Add("--requirepass");
            start.ArgumentList.Add(password);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start");
        process.OutputDataReceived += static (_, _) => { };
        process.ErrorDataReceived += static (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new RedisServer(process, port, directory);
        await Poll.UntilAsync(() => server.Accepts(), $"redis-server accepts connections on port {port}");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
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
        if (_process.HasExited)
        {
            throw new InvalidOperationException($"redis-server exited with code {_process.ExitCode}");
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

    /// <summary>redis-cli, installed with redis-server (Debian's redis-tools).</summary>
    public static string CliPath =>
        FindBinary("redis-cli") ?? throw new InvalidOperationException("redis-cli was not found on PATH or in /usr/bin; it comes with redis-server (redis-tools).");

    private static string? FindBinary(string name)
    {
        var paths = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/bin").Append("/usr/local/bin");
        return paths.Select(p => Path.Combine(p, name)).FirstOrDefault(File.Exists);
    }
}
