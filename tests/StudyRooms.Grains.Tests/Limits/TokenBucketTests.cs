using Microsoft.Extensions.Time.Testing;
using StudyRooms.Grains.Limits;

namespace StudyRooms.Grains.Tests.Limits;

// Proves that the token bucket behind P-OPS-6 allows a burst, then refuses, and refills only as
// injected time passes (a FakeTimeProvider, no sleeps).
public sealed class TokenBucketTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void AllowsTheBurstThenRefuses_P_OPS_6()
    {
        var bucket = new TokenBucket(60, 120, _time);

        Assert.Equal(120, TakeAll(bucket));
        Assert.False(bucket.TryTake());
    }

    [Fact]
    public void DoesNotRefillWhileTimeStandsStill()
    {
        var bucket = new TokenBucket(60, 120, _time);
        TakeAll(bucket);

        Assert.False(bucket.TryTake());
        Assert.False(bucket.TryTake());
    }

    [Fact]
    public void RefillsAtTheRateAsTimePasses_P_OPS_6()
    {
        var bucket = new TokenBucket(60, 120, _time);
        TakeAll(bucket);

        // 20 ms at 60 per second is 1.2 tokens: one take, and the 0.2 left over is kept.
        _time.Advance(TimeSpan.FromMilliseconds(20));
        Assert.True(bucket.TryTake());
        Assert.False(bucket.TryTake());

        _time.Advance(TimeSpan.FromMilliseconds(500));
        Assert.Equal(30, TakeAll(bucket));
    }

    [Fact]
    public void PartialTokensAddUpAcrossCalls()
    {
        var bucket = new TokenBucket(60, 120, _time);
        TakeAll(bucket);

        // 10 ms is 0.6 of a token: refused, but the fraction is not lost by the refusal.
        _time.Advance(TimeSpan.FromMilliseconds(10));
        Assert.False(bucket.TryTake());
        _time.Advance(TimeSpan.FromMilliseconds(10));
        Assert.True(bucket.TryTake());
    }

    [Fact]
    public void NeverHoldsMoreThanTheBurst()
    {
        var bucket = new TokenBucket(60, 120, _time);

        _time.Advance(TimeSpan.FromHours(1));

        Assert.Equal(120, TakeAll(bucket));
    }

    private static int TakeAll(TokenBucket bucket)
    {
        var taken = 0;
        while (bucket.TryTake())
        {
            taken++;
            Assert.True(taken <= 10_000, "the bucket never ran dry");
        }

        return taken;
    }
}
