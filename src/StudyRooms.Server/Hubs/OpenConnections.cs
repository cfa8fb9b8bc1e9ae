using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using StudyRooms.Contracts.Protocol;
using StudyRooms.Server.Auth;
using StudyRooms.Server.Options;

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
public sealed class OpenConnections(TimeProvider time, IOptions<StudyRoomsOptions> options) : IHubFilter
{
    private readonly ConcurrentDictionary<string, Open> _open = new(StringComparer.Ordinal);

    /// <summary>Open connections per user id (P-CONN-1); a user with none has no entry. Guarded by itself.</summary>
    private readonly Dictionary<string, int> _perUser = new(StringComparer.Ordinal);

    private readonly int _maxPerUser = options.Value.MaxConnectionsPerUser;

    public int Count => _open.Count;

    /// <summary>
    /// Counts the connection for its user, or refuses it past <see cref="StudyRoomsOptions.MaxConnectionsPerUser"/>
    /// (P-CONN-1): the HubException makes SignalR send a close message that carries
    /// "HubException: TOO_MANY_CONNECTIONS: ..." and forbids reconnecting; no disconnect runs for it.
    /// </summary>
    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        var caller = context.Context;
        var userId = caller.User?.FindFirst(StudyRoomsUser.UserIdClaim)?.Value;
        if (userId is not null && !TryCount(userId))
        {
            throw new HubException($"{ErrorCodes.TooManyConnections}: {TooManyReason()}");
        }

        _open[caller.ConnectionId] = new Open(caller, ExpiryTimer(caller), userId);
        try
        {
            await next(context);
        }
        catch
        {
            // SignalR runs no disconnect for a connection whose connect failed.
            Remove(caller.ConnectionId);
            throw;
        }
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        Remove(context.Context.ConnectionId);
        await next(context, exception);
    }

    /// <summary>Open connections of <paramref name="userId"/> on this server.</summary>
    public int CountOf(string userId)
    {
        lock (_perUser)
        {
            return _perUser.GetValueOrDefault(userId);
        }
    }

    /// <summary>Whether <paramref name="userId"/> holds the most connections allowed here (P-CONN-1).</summary>
    public bool IsFull(string userId) => CountOf(userId) >= _maxPerUser;

    /// <summary>The reason of a <c>TOO_MANY_CONNECTIONS</c> refusal.</summary>
    public string TooManyReason() =>
        $"this user already has {_maxPerUser} open connections to this server, the most it allows; close a tab or window first";

    private bool TryCount(string userId)
    {
        lock (_perUser)
        {
            var count = _perUser.GetValueOrDefault(userId);
            if (count >= _maxPerUser)
            {
                return false;
            }

            _perUser[userId] = count + 1;
            return true;
        }
    }

    private void Remove(string connectionId)
    {
        if (!_open.TryRemove(connectionId, out var open))
        {
            return;
        }

        open.Expiry?.Dispose();
        if (open.UserId is { } userId)
        {
            lock (_perUser)
            {
                var count = _perUser.GetValueOrDefault(userId) - 1;
                if (count > 0)
                {
                    _perUser[userId] = count;
                }
                else
                {
                    _perUser.Remove(userId);
                }
            }
        }
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

    private sealed record Open(HubCallerContext Caller, ITimer? Expiry, string? UserId);
}
