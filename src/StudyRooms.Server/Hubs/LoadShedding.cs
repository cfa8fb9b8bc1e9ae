using System.Collections.Frozen;
using System.Reflection;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using StudyRooms.Contracts.Protocol;
using StudyRooms.Server.Observability;
using StudyRooms.Server.Options;

namespace StudyRooms.Server.Hubs;

/// <summary>
/// Sheds load instead of queueing it (P-ERR-6): at most <see cref="StudyRoomsOptions.MaxConcurrentHubCalls"/>
/// hub calls run on this server at once; a call past the bound is refused before it reaches a grain,
/// with <c>OVERLOADED</c> and a retry hint (P-ERR-5), so a flooded server answers at once and its
/// backlog stays bounded rather than growing into timeouts, closed connections and expired presence.
/// </summary>
/// <remarks>
/// Never shed: <c>LeaveRoom</c> (a leave frees work; refusing it would leave a ghost) and everything
/// that is not a hub call (connects, disconnects, the server's presence refresh, P-PRES-2). Volatile
/// calls past the bound (hub methods marked <see cref="VolatileHubMethodAttribute"/>) are dropped silently, as
/// they would be by their own budget (P-LIVE-1).
/// SignalR runs one call per connection at a time, so the bound only refuses once more connections
/// than it are busy at once; below that a flood waits in its own connection's socket.
/// </remarks>
public sealed class LoadShedding(IOptions<StudyRoomsOptions> options, StudyRoomsMetrics metrics) : IHubFilter
{
    private static readonly HashSet<string> NeverShed = new(StringComparer.Ordinal) { nameof(RoomHub.LeaveRoom) };

    /// <summary>The wire names of <see cref="RoomHub"/>'s methods marked <see cref="VolatileHubMethodAttribute"/>.</summary>
    internal static readonly FrozenSet<string> VolatileMethods = typeof(RoomHub)
        .GetMethods(BindingFlags.Public | BindingFlags.Instance)
        .Where(method => method.IsDefined(typeof(VolatileHubMethodAttribute), inherit: false))
        .Select(method => method.GetCustomAttribute<HubMethodNameAttribute>()?.Name ?? method.Name)
        .ToFrozenSet(StringComparer.Ordinal);

    private readonly int _bound = options.Value.MaxConcurrentHubCalls;
    private readonly TimeSpan _retryAfter = options.Value.OverloadRetryAfter;
    private int _running;

    /// <summary>Hub calls running on this server now (those never shed included).</summary>
    public int Running => Volatile.Read(ref _running);

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var method = invocationContext.HubMethodName;
        if (Interlocked.Increment(ref _running) > _bound && !NeverShed.Contains(method))
        {
            Interlocked.Decrement(ref _running);
            metrics.Shed(method);
            if (VolatileMethods.Contains(method))
            {
                return null;
            }

            throw new HubException($"{ErrorCodes.Overloaded}: {RetryHint.Append("the server is busy and did not run this call", Hint())}");
        }

        try
        {
            return await next(invocationContext);
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }

    /// <summary>The configured wait plus up to half again, so refused clients spread their retries.</summary>
    private TimeSpan Hint() => _retryAfter * (1 + (Random.Shared.NextDouble() / 2));
}
