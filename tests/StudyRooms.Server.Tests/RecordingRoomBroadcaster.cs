using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using StudyRooms.Grains.Broadcasting;
using StudyRooms.Server.Hubs;

namespace StudyRooms.Server.Tests;

/// <summary>
/// Stands in front of the host's real <see cref="SignalRRoomBroadcaster"/>: every event the grains
/// announce still goes to the clients, and is also kept with the moment it was announced, so a test
/// sees what a grain said even when no client is connected to hear it.
/// </summary>
public class RecordingRoomBroadcaster : DispatchProxy
{
    private IRoomBroadcaster _inner = null!;
    private ConcurrentQueue<(DateTimeOffset At, object Event)> _events = null!;

    /// <summary>Replaces the host's broadcaster with one that records into <paramref name="events"/>.</summary>
    public static void Install(IServiceCollection services, ConcurrentQueue<(DateTimeOffset At, object Event)> events)
    {
        services.AddSingleton<SignalRRoomBroadcaster>();
        services.AddSingleton(provider =>
        {
            var proxy = Create<IRoomBroadcaster, RecordingRoomBroadcaster>();
            var recorder = (RecordingRoomBroadcaster)(object)proxy;
            recorder._inner = provider.GetRequiredService<SignalRRoomBroadcaster>();
            recorder._events = events;
            return proxy;
        });
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        if (args is [{ } first, ..])
        {
            _events.Enqueue((DateTimeOffset.UtcNow, first));
        }

        return targetMethod!.Invoke(_inner, args);
    }
}
