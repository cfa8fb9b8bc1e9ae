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
    private IConnectionMultiplexer? _redis;
    private ISubscriber? _subscriber;
    private RedisChannel _channel;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.IsRedisMode)
        {
            return;
        }

        _redis = services.GetRequiredService<IConnectionMultiplexer>();
        _redis.ConnectionFailed += OnConnectionFailed;
        _redis.ConnectionRestored += OnConnectionRestored;
        _subscriber = _redis.GetSubscriber();
        _channel = RedisChannel.Literal(options.Value.KeyPrefix + ":" + name);
        await _subscriber.SubscribeAsync(_channel, (_, value) => OnNotice(value));
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_redis is not null)
        {
            _redis.ConnectionFailed -= OnConnectionFailed;
            _redis.ConnectionRestored -= OnConnectionRestored;
        }

        if (_subscriber is not null)
        {
            await _subscriber.UnsubscribeAsync(_channel);
        }
    }

    /// <summary>
    /// Sends a notice to every server (this one included); nothing in the embedded mode. Returns how
    /// many servers' subscriptions Redis handed it to (0 in the embedded mode).
    /// </summary>
    protected async Task<long> PublishAsync(RedisValue notice) =>
        _subscriber is null ? 0 : await _subscriber.PublishAsync(_channel, notice);

    /// <summary>A notice from any server, this one included.</summary>
    protected abstract void OnNotice(RedisValue notice);

    /// <summary>
    /// A connection to Redis failed: notices published until it is restored may never arrive here
    /// (Redis does not keep them). <paramref name="endpoint"/> and <paramref name="type"/> name the
    /// connection, so an override can tell when every failed one is back.
    /// </summary>
    protected virtual void OnInterrupted(string endpoint, ConnectionType type)
    {
    }

    /// <summary>The connection named by <paramref name="endpoint"/> and <paramref name="type"/> is back (and resubscribed).</summary>
    protected virtual void OnRestored(string endpoint, ConnectionType type)
    {
    }

    private void OnConnectionFailed(object? sender, ConnectionFailedEventArgs e) => OnInterrupted(e.EndPoint?.ToString() ?? "", e.ConnectionType);

    private void OnConnectionRestored(object? sender, ConnectionFailedEventArgs e) => OnRestored(e.EndPoint?.ToString() ?? "", e.ConnectionType);
}
