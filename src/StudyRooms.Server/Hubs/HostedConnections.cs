using System.Collections.Concurrent;

namespace StudyRooms.Server.Hubs;

/// <summary>
/// The room connections this server holds, so <see cref="PresenceRefresher"/> can vouch for them
/// (P-PRES-2). Not room state: it only says "these sockets are open here"; the room grain decides
/// presence, and when this process dies its connections simply stop being vouched for.
/// </summary>
public sealed class HostedConnections
{
    /// <summary>Deleted rooms this server remembers, at most this many (the oldest are forgotten first).</summary>
    public const int DeletedRoomsRemembered = 10_000;

    /// <summary>This server as the presence record names it for operators: host (the pod name on Kubernetes) and process id.</summary>
    public string ServerName { get; } = $"{Environment.MachineName}/{Environment.ProcessId}";

    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> _byRoom = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _deleted = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _deletedOrder = new();

    /// <summary>
    /// Notes that a room was deleted (P-LIFE-4), so this server's connections that still think they
    /// are in it do not wake its grains again on leave or edit. Best effort and local: a connection on
    /// another server is refused by the room itself (ROOM_NOT_FOUND) instead.
    /// </summary>
    public void MarkDeleted(string roomId)
    {
        _byRoom.TryRemove(roomId, out _);
        if (_deleted.TryAdd(roomId, 0))
        {
            _deletedOrder.Enqueue(roomId);
            while (_deletedOrder.Count > DeletedRoomsRemembered && _deletedOrder.TryDequeue(out var oldest))
            {
                _deleted.TryRemove(oldest, out _);
            }
        }
    }

    public bool WasDeleted(string roomId) => _deleted.ContainsKey(roomId);

    public void Add(string roomId, string connectionId) =>
        _byRoom.GetOrAdd(roomId, static _ => new(StringComparer.Ordinal))[connectionId] = 0;

    /// <summary>The connections of the room this server holds (a live view: joins and leaves may show).</summary>
    public IEnumerable<string> ConnectionsIn(string roomId)
    {
        if (_byRoom.TryGetValue(roomId, out var connections))
        {
            foreach (var (connectionId, _) in connections)
            {
                yield return connectionId;
            }
        }
    }

    /// <summary>How many connections of the room this server holds.</summary>
    public int CountIn(string roomId) => _byRoom.TryGetValue(roomId, out var connections) ? connections.Count : 0;

    public void Remove(string roomId, string connectionId)
    {
        if (_byRoom.TryGetValue(roomId, out var connections))
        {
            connections.TryRemove(connectionId, out _);
        }
    }

    /// <summary>Rooms with the connections held here; rooms left empty are dropped.</summary>
    public IReadOnlyList<(string RoomId, string[] ConnectionIds)> Snapshot()
    {
        var result = new List<(string, string[])>();
        foreach (var (roomId, connections) in _byRoom)
        {
            var ids = connections.Keys.ToArray();
            if (ids.Length == 0)
            {
                _byRoom.TryRemove(new KeyValuePair<string, ConcurrentDictionary<string, byte>>(roomId, connections));
                continue;
            }

            result.Add((roomId, ids));
        }

        return result;
    }
}
