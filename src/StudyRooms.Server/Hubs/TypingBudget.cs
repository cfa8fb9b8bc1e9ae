using Microsoft.AspNetCore.SignalR;
using StudyRooms.Grains.Limits;

namespace StudyRooms.Server.Hubs;

/// <summary>
/// Per-connection budget of typing signals (P-CHAT-14): clients send one every few seconds while
/// typing, so 2 per second in bursts of 5 is generous; above it signals are dropped. Kept in
/// <see cref="HubCallerContext.Items"/> like <see cref="ConnectionRooms"/>.
/// </summary>
public static class TypingBudget
{
    public const double PerSecond = 2;
    public const double Burst = 5;

    private static readonly object ItemKey = new();

    public static TokenBucket Of(HubCallerContext context, TimeProvider time)
    {
        if (context.Items.TryGetValue(ItemKey, out var value) && value is TokenBucket bucket)
        {
            return bucket;
        }

        bucket = new TokenBucket(PerSecond, Burst, time);
        context.Items[ItemKey] = bucket;
        return bucket;
    }
}
