using Microsoft.Extensions.Options;
using StudyRooms.Contracts.Rooms;
using StudyRooms.Grains.Rooms;

namespace StudyRooms.Server.Hubs;

/// <summary>
/// Vouches for this server's open room connections every refresh period (P-PRES-2). The heartbeat
/// is the server's, not the browser's: a connection that closes is left by the hub at once, and a
/// server that dies stops vouching, so its users expire from their rooms without it.
/// </summary>
public sealed partial class PresenceRefresher(
    HostedConnections hosted,
    IGrainFactory grains,
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
}
