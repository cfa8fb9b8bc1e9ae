namespace StudyRooms.Grains.Limits;

/// <summary>
/// A token bucket: <c>ratePerSecond</c> tokens refill continuously up to <c>burst</c>. Used by
/// grains for per-user rate limits; time comes from an injected <see cref="TimeProvider"/>.
/// Not thread-safe: a grain is single-threaded.
/// </summary>
public sealed class TokenBucket(double ratePerSecond, double burst, TimeProvider time)
{
    private readonly double _burst = burst;
    private double _tokens = burst;
    private long _lastRefill = time.GetTimestamp();

    /// <summary>Takes one token if there is one.</summary>
    public bool TryTake()
    {
        Refill();
        if (_tokens < 1)
        {
            return false;
        }

        _tokens -= 1;
        return true;
    }

    /// <summary>Whether <see cref="TryTake"/> would succeed now, without taking (a check before costly work).</summary>
    public bool CanTake()
    {
        Refill();
        return _tokens >= 1;
    }

    /// <summary>How long until a token is there to take (zero when one is); the retry hint of a refusal (P-ERR-5).</summary>
    public TimeSpan UntilNextToken()
    {
        Refill();
        return _tokens >= 1 ? TimeSpan.Zero : TimeSpan.FromSeconds((1 - _tokens) / ratePerSecond);
    }

    private void Refill()
    {
        var now = time.GetTimestamp();
        var elapsed = time.GetElapsedTime(_lastRefill, now).TotalSeconds;
        _lastRefill = now;
        _tokens = Math.Min(_burst, _tokens + (elapsed * ratePerSecond));
    }
}
