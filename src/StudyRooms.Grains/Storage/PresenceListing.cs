namespace StudyRooms.Grains.Storage;

/// <summary>
/// A room's heartbeat record as <see cref="IPresenceStore.ListAsync"/> finds it: the live entries,
/// and the users of entries that expired since the last listing (their server stopped vouching),
/// which the listing prunes, so each lapsed entry is reported once.
/// </summary>
public sealed record PresenceListing(IReadOnlyList<LivePresence> Live, IReadOnlyList<string> LapsedUserIds)
{
    public static PresenceListing Empty { get; } = new([], []);
}
