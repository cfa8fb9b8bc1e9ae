namespace StudyRooms.Grains.Storage;

/// <summary>
/// The heartbeat record of the connections present in each room (P-PRES-2, Redis mode): one entry
/// per connection that lives for a time to live the hosting server's heartbeat renews. The room
/// grain decides who is present and writes and removes entries; servers only renew them, so a
/// renewal never brings back an entry the room removed. A room activation that starts again
/// (its server died, a rolling restart) rebuilds its participants from the live entries, and a
/// dead server's entries expire by themselves. Not document state: never backed up, never read
/// by anything but presence.
/// </summary>
public interface IPresenceStore
{
    /// <summary>Records (or replaces) a connection the room admitted, living <paramref name="timeToLive"/>.</summary>
    Task AddAsync(string roomId, PresenceRecord record, TimeSpan timeToLive, CancellationToken cancellationToken = default);

    /// <summary>
    /// The server's heartbeat: renews the entries of these connections that still exist to
    /// <paramref name="timeToLive"/>; a connection without an entry stays without one.
    /// </summary>
    Task RefreshAsync(string roomId, IReadOnlyCollection<string> connectionIds, TimeSpan timeToLive, CancellationToken cancellationToken = default);

    /// <summary>Removes these connections' entries (left, expired, removed by a moderator).</summary>
    Task RemoveAsync(string roomId, IReadOnlyCollection<string> connectionIds, CancellationToken cancellationToken = default);

    /// <summary>The room's live entries with the time each has left, and the users of entries that expired (pruned as they are reported).</summary>
    Task<PresenceListing> ListAsync(string roomId, CancellationToken cancellationToken = default);

    /// <summary>Removes every entry of the room (P-LIFE-4). Erasing a room with none succeeds.</summary>
    Task EraseAsync(string roomId, CancellationToken cancellationToken = default);
}
