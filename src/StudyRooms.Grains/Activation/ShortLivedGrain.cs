namespace StudyRooms.Grains.Activation;

/// <summary>
/// A grain whose state is read or written in passing (when a user joins a room, when a lobby loads,
/// when a token is checked) and not worked with in between. It deactivates once it has had no call
/// for <see cref="IdlePeriod"/>, instead of staying in memory for the silo's collection age (minutes):
/// with one such grain per user per kind, 1,000 connected users kept about 2 KB each of activation
/// bookkeeping for nothing (docs/benchmarks.md). The next call activates it again from storage. The
/// wait absorbs a burst of calls (several one-way visits in a row), which a deactivation after every
/// call would bounce between activations.
/// </summary>
public abstract class ShortLivedGrain : Grain, IIncomingGrainCallFilter
{
    /// <summary>How long the grain stays in memory after its last call.</summary>
    public static readonly TimeSpan IdlePeriod = TimeSpan.FromSeconds(5);

    private IGrainTimer? _idle;

    /// <summary>True while the grain has work of its own (a retry, say) and must not leave memory.</summary>
    protected virtual bool StaysActive => false;

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        try
        {
            await context.Invoke();
        }
        finally
        {
            if (StaysActive)
            {
                _idle?.Dispose();
                _idle = null;
            }
            else if (_idle is null)
            {
                _idle = this.RegisterGrainTimer(
                    static (ShortLivedGrain grain) => grain.IdleAsync(),
                    this,
                    new GrainTimerCreationOptions(IdlePeriod, Timeout.InfiniteTimeSpan) { KeepAlive = false, Interleave = false });
            }
            else
            {
                _idle.Change(IdlePeriod, Timeout.InfiniteTimeSpan);
            }
        }
    }

    private Task IdleAsync()
    {
        if (!StaysActive)
        {
            DeactivateOnIdle();
        }

        return Task.CompletedTask;
    }
}
