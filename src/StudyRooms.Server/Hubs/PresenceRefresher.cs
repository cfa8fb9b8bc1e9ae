using Microsoft.Extensions.Options;
using StudyRooms.Contracts.Rooms;
using StudyRooms.Grains.Rooms;
using StudyRooms.Grains.Storage;

namespace StudyRooms.Server.Hubs;

/// <summary>
/// Vouches for this server's open room connections every refresh period (P-PRES-2), to the room
/// grain and (Redis mode) by renewing their entries in the heartbeat record, which does not depend
/// on the room's activation being alive. The heartbeat is the server's, not the browser's: a
/// connection that closes is left by the hub at once, and a server that dies stops vouching, so its
/// users expire from their rooms and their entries from Redis without it.
/// </summary>
public sealed partial class PresenceRefresher(
    HostedConnections hosted,
    IGrainFactory grains,
    IPresenceStore records,
    IOptions<RoomPresenceOptions> options,
    TimeProvider time,
    ILogger<PresenceRefresher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RefreshPeriod, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await Task.WhenAll(hosted.Snapshot().Select(room => RefreshAsync(room.RoomId, room.ConnectionIds)));
        }
    }

    private async Task RefreshAsync(string roomId, string[] connectionIds)
    {
        await Task.WhenAll(RenewRecordsAsync(roomId, connectionIds), VouchToRoomAsync(roomId, connectionIds));
    }

    private async Task RenewRecordsAsync(string roomId, string[] connectionIds)
    {
        try
        {
            await records.RefreshAsync(roomId, connectionIds, options.Value.Expiry);
        }
        catch (Exception exception)
        {
            RecordRenewalFailed(logger, exception, roomId);
        }
    }

    private async Task VouchToRoomAsync(string roomId, string[] connectionIds)
    {
        try
        {
            await grains.GetGrain<IRoomGrain>(roomId).RefreshPresenceAsync(new RefreshPresenceCommand { ConnectionIds = connectionIds });
        }
        catch (Exception exception)
        {
            // The next tick tries again; one missed refresh is within the expiry.
            RefreshFailed(logger, exception, roomId);
        }
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Could not refresh presence in room {RoomId}")]
    private static partial void RefreshFailed(ILogger logger, Exception exception, string roomId);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Could not renew the presence record of room {RoomId}")]
    private static partial void RecordRenewalFailed(ILogger logger, Exception exception, string roomId);
}
