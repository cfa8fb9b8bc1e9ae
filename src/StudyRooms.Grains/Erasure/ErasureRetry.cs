namespace StudyRooms.Grains.Erasure;

/// <summary>
/// Tries an unfinished erasure again on a grain timer until it succeeds: every <see cref="Period"/>
/// while the grain is active (the timer keeps it active), and from the next activation when the
/// grain asks for it there. The erase itself logs its failure; a tick only tries again.
/// </summary>
/// <param name="grain">The grain that owns the erasure; the timer runs on its turn, never interleaved.</param>
/// <param name="pending">Whether the erasure still has work; a tick after it finished does nothing.</param>
/// <param name="eraseAsync">The whole (idempotent) erasure; it calls <see cref="Stop"/> when it is done.</param>
public sealed class ErasureRetry(IGrainBase grain, Func<bool> pending, Func<Task> eraseAsync)
{
    /// <summary>How often an erasure that failed is tried again while its grain is active.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(30);

    private IGrainTimer? _timer;

    /// <summary>Starts trying again after <paramref name="due"/>, unless a retry is already scheduled.</summary>
    public void Schedule(TimeSpan due) =>
        _timer ??= grain.RegisterGrainTimer(
            static (ErasureRetry retry) => retry.TickAsync(),
            this,
            new GrainTimerCreationOptions(due, Period) { KeepAlive = true, Interleave = false });

    /// <summary>The erasure finished: no more tries.</summary>
    public void Stop()
    {
        _timer?.Dispose();
        _timer = null;
    }

    private async Task TickAsync()
    {
        if (!pending())
        {
            return;
        }

        try
        {
            await eraseAsync();
        }
        catch (Exception)
        {
            // Logged by the erase; the timer tries again.
        }
    }
}
