using Microsoft.AspNetCore.SignalR;
using StudyRooms.Contracts.Boards;
using StudyRooms.Grains.Limits;

namespace StudyRooms.Server.Hubs;

/// <summary>
/// Per-connection facts the hub needs between calls: the rooms this connection joined and its
/// volatile-traffic budget. Kept in <see cref="HubCallerContext.Items"/>, which lives as long as the
/// connection (hub instances are per call and hold nothing).
/// </summary>
public sealed class ConnectionRooms
{
    /// <summary>Volatile messages (stroke progress and cursors, about 30 Hz each) per second per connection.</summary>
    public const double VolatilePerSecond = 100;
    public const double VolatileBurst = 200;

    private static readonly object ItemKey = new();
    private readonly HashSet<string> _rooms = new(StringComparer.Ordinal);
    private readonly HashSet<string> _inSprint = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IBoardGrain> _boards = new(StringComparer.Ordinal);

    private ConnectionRooms(TimeProvider time)
    {
        VolatileBudget = new TokenBucket(VolatilePerSecond, VolatileBurst, time);
    }

    public TokenBucket VolatileBudget { get; }

    public IReadOnlyCollection<string> Rooms => _rooms;

    public static ConnectionRooms Of(HubCallerContext context, TimeProvider time)
    {
        if (context.Items.TryGetValue(ItemKey, out var value) && value is ConnectionRooms rooms)
        {
            return rooms;
        }

        rooms = new ConnectionRooms(time);
        context.Items[ItemKey] = rooms;
        return rooms;
    }

    public bool Contains(string? roomId) => roomId is not null && _rooms.Contains(roomId);

    public void Add(string roomId) => _rooms.Add(roomId);

    public bool Remove(string roomId)
    {
        _boards.Remove(roomId);
        return _rooms.Remove(roomId);
    }

    /// <summary>
    /// The board grain of a room, resolved once per connection and room: Orleans resolves the
    /// interface type on every GetGrain, which cost about 6 % of the server's CPU when done per
    /// push (docs/benchmarks.md). Hub calls of one connection run one at a time, so no lock.
    /// </summary>
    public IBoardGrain BoardOf(string roomId, IGrainFactory grains)
    {
        if (!_boards.TryGetValue(roomId, out var board))
        {
            board = grains.GetGrain<IBoardGrain>(roomId);
            _boards[roomId] = board;
        }

        return board;
    }

    /// <summary>Notes that this connection took part in the room's sprint (P-SPR-11).</summary>
    public void MarkInSprint(string roomId) => _inSprint.Add(roomId);

    /// <summary>True, once, if this connection took part in the room's sprint.</summary>
    public bool TakeInSprint(string roomId) => _inSprint.Remove(roomId);
}
