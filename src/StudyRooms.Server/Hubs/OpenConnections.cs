using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.SignalR;
using StudyRooms.Server.Auth;

namespace StudyRooms.Server.Hubs;

/// <summary>
/// Every hub connection this server holds, by id, so the server can close one it is asked to close
/// (P-MOD-8), and closes each when its token expires (P-AUTH-3). A hub filter sees each connection
/// open and close; hub instances live for one call and cannot hold it. Not room state: only "this
/// socket is open here".
/// </summary>
/// <remarks>
/// The expiry is our own timer on the injected clock rather than SignalR's
/// <c>CloseOnAuthenticationExpiration</c>: the same clock issues and validates tokens, so tests can
/// move it, and one mechanism closes connections whoever asks.
/// </remarks>
public sealed class OpenConnections(TimeProvider time) : IHubFilter
{
    private readonly ConcurrentDictionary<string, Open> _open = new(StringComparer.Ordinal);

    public int Count => _open.Count;

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        var caller = context.Context;
        _open[caller.ConnectionId] = new Open(caller, ExpiryTimer(caller));
        await next(context);
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        if (_open.TryRemove(context.Context.ConnectionId, out var open))
        {
            open.Expiry?.Dispose();
        }

        await next(context, exception);
    }

    public bool Holds(string connectionId) => _open.ContainsKey(connectionId);

    /// <summary>
    /// Closes the connection if this server holds it: SignalR sends a close message (no reconnect)
    /// after what was already written, then ends the transport; the hub's disconnect runs as usual.
    /// </summary>
    public bool Close(string connectionId)
    {
        if (!_open.TryGetValue(connectionId, out var open))
        {
            return false;
        }

        open.Caller.Abort();
        return true;
    }

    /// <summary>A timer that closes the connection when its token's <c>exp</c> passes.</summary>
    /// <summary>Closes every connection on this server signed in as <paramref name="userId"/> (the user was deleted, P-ACCT-4).</summary>
    public int CloseUser(string userId)
    {
        var closed = 0;
        foreach (var open in _open.Values)
        {
            if (open.Caller.User?.FindFirst(StudyRoomsUser.UserIdClaim)?.Value == userId)
            {
                open.Caller.Abort();
                closed++;
            }
        }

        return closed;
    }

    private ITimer? ExpiryTimer(HubCallerContext caller)
    {
        if (caller.User?.FindFirst(TokenClaims.Expires)?.Value is not { } exp
            || !long.TryParse(exp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return null;
        }

        var due = DateTimeOffset.FromUnixTimeSeconds(seconds) - time.GetUtcNow();
        return time.CreateTimer(static state => ((HubCallerContext)state!).Abort(), caller, due > TimeSpan.Zero ? due : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }

    private sealed record Open(HubCallerContext Caller, ITimer? Expiry);
}
