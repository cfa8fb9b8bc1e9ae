using StudyRooms.Contracts.Rooms;

namespace StudyRooms.Grains.Rooms;

/// <summary>
/// Which of a room's connections receive others' cursors (P-LIVE-4): all of them up to
/// <c>CursorsToViewersMaxParticipants</c> users present, above it only those of members and above,
/// so a crowd of viewers does not multiply the cursor traffic. Remembers the set last published and
/// answers the changes to the next one. Pure; the room grain owns one.
/// </summary>
public sealed class CursorAudience
{
    private readonly HashSet<string> _connections = new(StringComparer.Ordinal);

    /// <summary>Connections that receive cursors now.</summary>
    public IReadOnlyCollection<string> Connections => _connections;

    /// <summary>Takes the room as it is now and answers the connections to add and to remove.</summary>
    public (string[] Added, string[] Removed) Update(IEnumerable<(string ConnectionId, RoomRole Role)> connections, int participants, int maxParticipantsForViewers)
    {
        var viewersReceive = participants <= maxParticipantsForViewers;
        var wanted = connections
            .Where(c => viewersReceive || c.Role >= RoomRole.Member)
            .Select(c => c.ConnectionId)
            .ToHashSet(StringComparer.Ordinal);
        var added = wanted.Where(c => !_connections.Contains(c)).ToArray();
        var removed = _connections.Where(c => !wanted.Contains(c)).ToArray();
        _connections.ExceptWith(removed);
        _connections.UnionWith(added);
        return (added, removed);
    }
}
