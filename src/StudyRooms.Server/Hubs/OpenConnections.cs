using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace StudyRooms.Server.Hubs;

/// <summary>
/// Every hub connection this server holds, by id, so the server can close one it is asked to close
/// (P-MOD-8). A hub filter sees each connection open and close; hub instances live for one call and
/// cannot hold it. Not room state: only "this socket is open here".
/// </summary>
public sealed class OpenConnections : IHubFilter
{
    private readonly ConcurrentDictionary<string, HubCallerContext> _open = new(StringComparer.Ordinal);

    public int Count => _open.Count;

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        _open[context.Context.ConnectionId] = context.Context;
        await next(context);
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        _open.TryRemove(context.Context.ConnectionId, out _);
        await next(context, exception);
    }

    public bool Holds(string connectionId) => _open.ContainsKey(connectionId);

    /// <summary>
    /// Closes the connection if this server holds it: SignalR sends a close message (no reconnect)
    /// after what was already written, then ends the transport; the hub's disconnect runs as usual.
    /// </summary>
    public bool Close(string connectionId)
    {
        if (!_open.TryGetValue(connectionId, out var context))
        {
            return false;
        }

        context.Abort();
        return true;
    }
}
