namespace StudyRooms.Testing;

/// <summary>Waits for a condition by polling with a deadline, never by a fixed sleep.</summary>
public static class Poll
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

    public static async Task UntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting until {what}");
            }

            await Task.Delay(20);
        }
    }

    public static async Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        if (await ResultAsync<bool>(async () => await condition() ? true : null, timeout ?? DefaultTimeout) is null)
        {
            throw new TimeoutException($"Timed out waiting until {what}");
        }
    }

    /// <summary>Polls until <paramref name="probe"/> gives a value; null when none came before the deadline.</summary>
    public static async Task<T?> ResultAsync<T>(Func<Task<T?>> probe, TimeSpan timeout)
        where T : struct
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                return null;
            }

            await Task.Delay(50);
        }
    }
}
