using Microsoft.Extensions.Options;
using StackExchange.Redis;
using StudyRooms.Server.Options;

namespace StudyRooms.Server.Hubs;

/// <summary>
/// Closes every hub connection of a user who deleted themselves (P-ACCT-4): those on this server
/// directly, those on other servers (Redis mode) through a notice on a Redis channel that every
/// server subscribes to. The notice is not stored; it carries the user id only in transit.
/// </summary>
public sealed partial class DeletedUserConnections(
    OpenConnections open,
    IServiceProvider services,
    IOptions<StudyRoomsOptions> options,
    ILogger<DeletedUserConnections> logger) : ServerNoticeChannel(services, options, "close-user-connections")
{
    public async Task CloseAsync(string userId)
    {
        CloseHere(userId);
        await PublishAsync(userId);
    }

    protected override void OnNotice(RedisValue notice) => CloseHere(notice.ToString());

    private void CloseHere(string userId)
    {
        var closed = open.CloseUser(userId);
        if (closed > 0)
        {
            Closed(logger, closed);
        }
    }

    [LoggerMessage(EventId = 3111, Level = LogLevel.Information, Message = "Closed {Count} connections of a deleted user")]
    private static partial void Closed(ILogger logger, int count);
}
