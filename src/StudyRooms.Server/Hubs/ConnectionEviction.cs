using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using StudyRooms.Contracts.Rooms;
using StudyRooms.Server.Options;

namespace StudyRooms.Server.Hubs;

/// <summary>
/// Closes a removed or banned user's connections to a room on whichever server holds them (P-MOD-8).
/// The room grain knows the connection ids but not their servers, and SignalR's backplane carries
/// messages to connections, never a "close" to the server holding one; so in Redis mode the ids this
/// server does not hold go out on one Redis channel that every server reads, and each server closes
/// those it holds. Each connection gets its <see cref="ParticipantRemoved"/> written right before the
/// close, on the same pipe, so the client always learns why it was closed.
/// </summary>
public sealed partial class ConnectionEviction(
    OpenConnections open,
    HostedConnections hosted,
    IHubContext<RoomHub, IRoomClient> hub,
    IServiceProvider services,
    TimeProvider time,
    IOptions<StudyRoomsOptions> options,
    ILogger<ConnectionEviction> logger) : ServerNoticeChannel(services, options, "evict-connections")
{
    /// <summary>How long the farewell event may take to reach a connection's pipe before it is closed anyway.</summary>
    public static readonly TimeSpan FarewellTimeout = TimeSpan.FromSeconds(2);

    /// <summary>How long the transport gets to send the farewell before the connection is closed.</summary>
    public static readonly TimeSpan FlushGrace = TimeSpan.FromSeconds(1);

    /// <summary>Tells each of <paramref name="connectionIds"/> it was removed, then closes it, wherever it is.</summary>
    public async Task EvictAsync(ParticipantRemoved removed, IReadOnlyCollection<string> connectionIds)
    {
        var elsewhere = new List<string>();
        foreach (var connectionId in connectionIds)
        {
            if (open.Holds(connectionId))
            {
                EvictHere(removed, connectionId);
            }
            else
            {
                elsewhere.Add(connectionId);
            }
        }

        if (elsewhere.Count > 0)
        {
            await PublishAsync(JsonSerializer.Serialize(new EvictionNotice(removed, [.. elsewhere])));
        }
    }

    protected override void OnNotice(RedisValue notice)
    {
        try
        {
            var eviction = JsonSerializer.Deserialize<EvictionNotice>(notice.ToString());
            if (eviction?.Removed is null || eviction.ConnectionIds is null)
            {
                return;
            }

            foreach (var connectionId in eviction.ConnectionIds.Where(open.Holds))
            {
                EvictHere(eviction.Removed, connectionId);
            }
        }
        catch (Exception e) when (e is JsonException or NotSupportedException)
        {
            NoticeUnreadable(logger, e);
        }
    }

    /// <summary>
    /// Writes the farewell, then closes the connection a moment later: SignalR's abort races the
    /// transport's last send, and an immediate close lost the farewell under load. The connection has
    /// no rights in the room meanwhile (the room already dropped it), and the grain does not wait.
    /// </summary>
    private void EvictHere(ParticipantRemoved removed, string connectionId)
    {
        // Off this server's list of the room's connections at once, as it leaves the room's group: a
        // board writing to the room's connections here directly (P-OPS-9) no longer reaches it.
        hosted.Remove(removed.RoomId, connectionId);
        _ = EvictHereAsync(removed, connectionId);
    }

    private async Task EvictHereAsync(ParticipantRemoved removed, string connectionId)
    {
        try
        {
            // A local connection is written to directly, also with the Redis backplane.
            await hub.Clients.Client(connectionId).ParticipantRemoved(removed).WaitAsync(FarewellTimeout, time);
            await Task.Delay(FlushGrace, time);
        }
        catch (Exception e)
        {
            // A connection that does not take the event (in time) is closed without it.
            FarewellFailed(logger, e, connectionId);
        }
        finally
        {
            if (open.Close(connectionId))
            {
                Evicted(logger, removed.RoomId, removed.UserId, connectionId);
            }
        }
    }

    /// <summary>The Redis message: the event and the connections to close.</summary>
    private sealed record EvictionNotice(ParticipantRemoved Removed, string[] ConnectionIds);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Closed connection {ConnectionId} of user {UserId}, removed from room {RoomId}")]
    private static partial void Evicted(ILogger logger, string roomId, string userId, string connectionId);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Debug, Message = "Connection {ConnectionId} did not take its removal notice; closing it anyway")]
    private static partial void FarewellFailed(ILogger logger, Exception exception, string connectionId);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "Ignored an unreadable connection eviction notice")]
    private static partial void NoticeUnreadable(ILogger logger, Exception exception);
}
