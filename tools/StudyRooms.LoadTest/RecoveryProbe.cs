using System.Diagnostics;
using StudyRooms.Contracts.Protocol;

namespace StudyRooms.LoadTest;

/// <summary>
/// A well-behaved client beside the load: connected before it starts, idle during it, and from the
/// moment the load stops it pushes one edit at a time, waiting out each refusal's retry hint
/// (P-ERR-5) as the web client does, until one is acknowledged. The time from the end of the load to
/// that acknowledgement is the server's recovery time.
/// </summary>
public sealed class RecoveryProbe(ITarget target, int clientIndex, int roomIndex) : IDeliverySink, IAsyncDisposable
{
    /// <summary>The longest the probe tries after the load stopped.</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    private readonly List<string> _acknowledged = [];
    private IClientSession? _session;

    public int RoomIndex => roomIndex;

    /// <summary>Element ids the server acknowledged to the probe.</summary>
    public IReadOnlyList<string> Acknowledged => _acknowledged;

    /// <summary>Refusals and failures the probe met, by code (or exception type).</summary>
    public Dictionary<string, long> Refusals { get; } = new(StringComparer.Ordinal);

    public async Task ConnectAsync(CancellationToken cancellationToken) =>
        _session = await target.ConnectAsync(clientIndex, roomIndex, this, cancellationToken);

    /// <summary>Seconds from <paramref name="loadStopped"/> (a Stopwatch timestamp) to the first acknowledged push; null if none within <see cref="Limit"/>.</summary>
    public async Task<double?> RunAsync(long loadStopped, CancellationToken cancellationToken)
    {
        _ = _session ?? throw new InvalidOperationException("connect the probe first");
        await Scenario.WaitUntilAsync(loadStopped, cancellationToken);
        var points = new double[] { 0, 0, 10, 10 };
        for (long seq = 0; Stopwatch.GetElapsedTime(loadStopped) < Limit; seq++)
        {
            var id = EditIds.For(clientIndex, seq, Stopwatch.GetTimestamp());
            try
            {
                await _session!.SendEditAsync(id, points).WaitAsync(Limit - Stopwatch.GetElapsedTime(loadStopped), cancellationToken);
                _acknowledged.Add(id);
                return Stopwatch.GetElapsedTime(loadStopped).TotalSeconds;
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                var code = Scenario.CodeOf(e);
                Refusals[code] = Refusals.GetValueOrDefault(code) + 1;
                if (RetryHint.Parse(e.Message) is { } wait)
                {
                    await Task.Delay(wait, cancellationToken);
                }
                else
                {
                    // No hint: most likely the connection closed under the load (a starved client reads
                    // too slowly, docs/operations.md "Slow readers"). Reconnect and join again, as the web client does.
                    await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
                    await ReconnectAsync(cancellationToken);
                }
            }
        }

        return null;
    }

    private async Task ReconnectAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _session!.DisposeAsync();
            _session = await target.ConnectAsync(clientIndex, roomIndex, this, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var code = "reconnect:" + Scenario.CodeOf(e);
            Refusals[code] = Refusals.GetValueOrDefault(code) + 1;
        }
    }

    void IDeliverySink.Edit(string elementId)
    {
    }

    void IDeliverySink.Cursor()
    {
    }

    public async ValueTask DisposeAsync()
    {
        if (_session is not null)
        {
            await _session.DisposeAsync();
        }
    }
}
