using Microsoft.Extensions.Options;
using StackExchange.Redis;
using StudyRooms.Server.Options;

namespace StudyRooms.Server.Hubs;

/// <summary>
/// A Redis channel that every server of the deployment reads, for notices about connections that
/// SignalR's backplane cannot carry (it delivers messages to connections, never a "close" to the
/// server holding one). Notices are not stored. In the embedded mode there is one server, so the
/// channel is not opened and <see cref="PublishAsync"/> sends nothing.
/// </summary>
public abstract class ServerNoticeChannel(IServiceProvider services, IOptions<StudyRoomsOptions> options, string name) : IHostedService
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
        _channel = RedisChannel.Literal(options.Value.KeyPrefix + ":" + name);
        await _subscriber.SubscribeAsync(_channel, (_, value) => OnNotice(value));
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_subscriber is not null)
        {
            await _subscriber.UnsubscribeAsync(_channel);
        }
    }

    /// <summary>Sends a notice to every server (this one included); nothing in the embedded mode.</summary>
    protected async Task PublishAsync(RedisValue notice)
    {
        if (_subscriber is not null)
        {
            await _subscriber.PublishAsync(_channel, notice);
        }
    }

    /// <summary>A notice from any server, this one included.</summary>
    protected abstract void OnNotice(RedisValue notice);
}
