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
    ILogger<DeletedUserConnections> logger) : IHostedService
{
    private ISubscriber? _subscriber;
    private RedisChannel _channel;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.IsRedisMode)
        {
            return;
        }

        _subscriber = services.GetRequiredService<IConnectionMultiplexer>().GetSubscriber();
        _channel = RedisChannel.Literal(options.Value.KeyPrefix + ":close-user-connections");
        await _subscriber.SubscribeAsync(_channel, (channel, value) => CloseHere(value.ToString()));
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_subscriber is not null)
        {
            await _subscriber.UnsubscribeAsync(_channel);
        }
    }

    public async Task CloseAsync(string userId)
    {
        CloseHere(userId);
        if (_subscriber is not null)
        {
            await _subscriber.PublishAsync(_channel, userId);
        }
    }

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
