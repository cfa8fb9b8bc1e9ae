using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR;
using StudyRooms.Contracts.Boards;
using StudyRooms.Contracts.Protocol;
using StudyRooms.Contracts.Rooms;

namespace StudyRooms.Server.Observability;

/// <summary>
/// Feeds <see cref="StudyRoomsMetrics"/> from the hub pipeline, so hubs and grains stay free of
/// metrics code: connections, invocations, coded refusals, PushOps latency and rooms joined.
/// </summary>
public sealed partial class MetricsHubFilter(StudyRoomsMetrics metrics) : IHubFilter
{
    // Rooms this connection joined, as far as metrics know; apart from the hub's own bookkeeping.
    private static readonly object RoomsKey = new();

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var method = invocationContext.HubMethodName;
        metrics.Invoked(method);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var result = await next(invocationContext);
            Completed(invocationContext, method, result);
            if (method == "PushOps")
            {
                metrics.PushCompleted(Stopwatch.GetElapsedTime(started), "ok");
            }

            return result;
        }
        catch (Exception e) when (CodeOf(e) is { } code)
        {
            metrics.Rejected(method, code);
            if (method == "PushOps")
            {
                metrics.PushCompleted(Stopwatch.GetElapsedTime(started), "rejected");
            }

            throw;
        }
    }

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        await next(context);
        metrics.Connected();
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        try
        {
            await next(context, exception);
        }
        finally
        {
            metrics.Disconnected();
            if (context.Context.Items.TryGetValue(RoomsKey, out var value) && value is HashSet<string> rooms)
            {
                lock (rooms)
                {
                    foreach (var roomId in rooms)
                    {
                        metrics.RoomLeft(roomId);
                    }

                    rooms.Clear();
                }
            }
        }
    }

    private void Completed(HubInvocationContext invocation, string method, object? result)
    {
        switch (method, result)
        {
            case ("JoinRoom", JoinRoomResult joined):
                if (!invocation.Context.Items.TryGetValue(RoomsKey, out var existing) || existing is not HashSet<string> rooms)
                {
                    rooms = new HashSet<string>(StringComparer.Ordinal);
                    invocation.Context.Items[RoomsKey] = rooms;
                }

                if (invocation.HubMethodArguments is [JoinRoomRequest { KnownClock: not null }, ..])
                {
                    metrics.Rejoined(resumed: joined.Resume is not null);
                }

                lock (rooms)
                {
                    if (rooms.Add(joined.Room.RoomId))
                    {
                        metrics.RoomEntered(joined.Room.RoomId);
                    }
                }

                break;
            case ("LeaveRoom", _) when invocation.HubMethodArguments is [LeaveRoomRequest { RoomId: { } roomId }, ..]
                && invocation.Context.Items.TryGetValue(RoomsKey, out var value) && value is HashSet<string> joinedRooms:
                lock (joinedRooms)
                {
                    if (joinedRooms.Remove(roomId))
                    {
                        metrics.RoomLeft(roomId);
                    }
                }

                break;
            case ("PushOps", PushOpsResult pushed):
                metrics.OpsApplied(pushed.Acks.Count(ack => ack.Clock > 0));
                break;
        }
    }

    /// <summary>The stable error code of a refusal (P-ERR-1), whether it is still a grain's exception or already a hub error.</summary>
    private static string? CodeOf(Exception e) => e switch
    {
        StudyRoomsException refusal => refusal.Code,
        HubException hub when CodePrefix().Match(hub.Message) is { Success: true } match => match.Groups[1].Value,
        _ => null,
    };

    [GeneratedRegex("^([A-Z][A-Z_]+): ")]
    private static partial Regex CodePrefix();
}
