using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace StudyRooms.LoadTest;

/// <summary>
/// A driver in a child process (<c>StudyRooms.LoadTest shard …</c>), commanded line by line on its
/// stdin (CONNECT drawers|watchers, GO timestamp, STOP, EXIT) and answering on its stdout
/// (CONNECTED, TICK counters, SHARD json). Its stderr passes through.
/// </summary>
public sealed class ChildShard : IShard
{
    private readonly Process _process;
    private readonly Task _reader;
    private TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<ShardResult> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile ShardCounters _counters = new(0, 0, 0, 0, false);

    public ChildShard(IEnumerable<string> args)
    {
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self) { RedirectStandardInput = true, RedirectStandardOutput = true };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ChildShard).Assembly.Location);
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("could not start a child driver");
        _reader = Task.Run(ReadAsync);
    }

    public ShardCounters Counters => _counters;

    public int ProcessId => _process.Id;

    public async Task ConnectAsync(bool drawers, CancellationToken cancellationToken)
    {
        _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
        await SendAsync(drawers ? "CONNECT drawers" : "CONNECT watchers");
        await _connected.Task.WaitAsync(cancellationToken);
    }

    public void Start(long start) => SendAsync("GO " + start.ToString(CultureInfo.InvariantCulture)).GetAwaiter().GetResult();

    public async Task<ShardResult> StopAsync()
    {
        await SendAsync("STOP");
        return await _result.Task;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await SendAsync("EXIT");
            await _process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _reader;
        _process.Dispose();
    }

    private async Task SendAsync(string line)
    {
        await _process.StandardInput.WriteLineAsync(line);
        await _process.StandardInput.FlushAsync();
    }

    private async Task ReadAsync()
    {
        while (await _process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line == "CONNECTED")
            {
                _connected.TrySetResult();
            }
            else if (line.StartsWith("TICK ", StringComparison.Ordinal))
            {
                var f = line[5..].Split(' ').Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
                _counters = new ShardCounters(f[0], f[1], f[2], f[3], f[4] != 0);
            }
            else if (line.StartsWith("SHARD ", StringComparison.Ordinal))
            {
                _result.TrySetResult(JsonSerializer.Deserialize<ShardResult>(line[6..])!);
            }
        }

        var failed = new InvalidOperationException($"a child driver exited early (exit code {(_process.HasExited ? _process.ExitCode : -1)})");
        _connected.TrySetException(failed);
        _result.TrySetException(failed);
    }

    /// <summary>The child's side: runs one shard as the parent commands it.</summary>
    public static async Task<int> RunChildAsync(LoadOptions options)
    {
        var target = Targets.For(options, options.Url, options.Relay);
        var clients = Enumerable.Range(0, options.Clients).Where(c => c % options.Processes == options.ShardIndex).ToArray();
        await using var scenario = new Scenario(options, target, clients);
        using var ticking = new CancellationTokenSource();
        Task? ticks = null;
        var stdout = Console.Out;
        while (await Console.In.ReadLineAsync() is { } command)
        {
            switch (command.Split(' '))
            {
                case ["CONNECT", var which]:
                    await scenario.ConnectAsync(which == "drawers", CancellationToken.None);
                    await stdout.WriteLineAsync("CONNECTED");
                    await stdout.FlushAsync();
                    break;
                case ["GO", var at]:
                    scenario.Start(long.Parse(at, CultureInfo.InvariantCulture));
                    ticks = TickAsync(scenario, stdout, ticking.Token);
                    break;
                case ["STOP"]:
                    await ticking.CancelAsync();
                    if (ticks is not null)
                    {
                        await ticks;
                    }

                    var result = await scenario.StopAsync();
                    await stdout.WriteLineAsync("SHARD " + JsonSerializer.Serialize(result));
                    await stdout.FlushAsync();
                    break;
                case ["EXIT"]:
                    return 0;
            }
        }

        return 0;
    }

    private static async Task TickAsync(Scenario scenario, TextWriter stdout, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var c = scenario.Counters;
            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"TICK {c.Deliveries} {c.ExpectedDeliveries} {c.CursorDeliveries} {c.Errors} {(c.LoopsDone ? 1 : 0)}"));
            await stdout.FlushAsync();
            try
            {
                await Task.Delay(200, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
