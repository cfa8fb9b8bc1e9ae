namespace StudyRooms.LoadTest;

/// <summary>One driver of a run: the scenario in this process, or in a child process.</summary>
public interface IShard : IAsyncDisposable
{
    /// <summary>The driver's process, whose CPU the report gives beside the server's.</summary>
    int ProcessId { get; }

    Task ConnectAsync(bool drawers, CancellationToken cancellationToken);

    void Start(long start);

    ShardCounters Counters { get; }

    Task<ShardResult> StopAsync();
}

/// <summary>The scenario in this process.</summary>
public sealed class LocalShard(Scenario scenario) : IShard
{
    public int ProcessId => Environment.ProcessId;

    public Task ConnectAsync(bool drawers, CancellationToken cancellationToken) => scenario.ConnectAsync(drawers, cancellationToken);

    public void Start(long start) => scenario.Start(start);

    public ShardCounters Counters => scenario.Counters;

    public Task<ShardResult> StopAsync() => scenario.StopAsync();

    public ValueTask DisposeAsync() => scenario.DisposeAsync();
}
