namespace StudyRooms.Grains.Sprints;

/// <summary>
/// The fair participation ledger of a sprint (docs/sprints.md, "Fairness"; P-SPR-11). Within a focus
/// block, a user is credited the time during which they were joined to the sprint AND had at least
/// one live connection in the room, while the sprint was not paused; a user with no sign of activity
/// during the whole block is credited zero. A connection is live from the moment the server hears of
/// it until it closes, or, if it goes silent (a server died with it), until <see cref="Grace"/> after
/// the last heartbeat. Every call brings the credit up to its instant first, so callers must feed
/// events in time order. Pure: the time is always an argument.
/// </summary>
[GenerateSerializer, Alias("StudyRooms.FocusLedger")]
public sealed class FocusLedger
{
    /// <summary>How long a silent connection keeps counting after its last heartbeat (2.5 heartbeats of 60 s).</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(150);

    [Id(0)] public Dictionary<string, LedgerEntry> Users { get; set; } = new(StringComparer.Ordinal);
    /// <summary>The open focus block, or -1 outside focus.</summary>
    [Id(1)] public int BlockIndex { get; set; } = -1;
    [Id(2)] public DateTimeOffset BlockStartedAt { get; set; }
    [Id(3)] public DateTimeOffset AccruedUntil { get; set; }
    /// <summary>True while a block is open and the sprint is not paused.</summary>
    [Id(4)] public bool Counting { get; set; }

    public void StartBlock(int blockIndex, DateTimeOffset at)
    {
        BlockIndex = blockIndex;
        BlockStartedAt = at;
        AccruedUntil = at;
        Counting = true;
        foreach (var (userId, entry) in Users.ToArray())
        {
            if (!entry.Joined && entry.Connections.Count == 0)
            {
                Users.Remove(userId);
                continue;
            }

            entry.CreditedMs = 0;
            entry.Active = false;
        }
    }

    /// <summary>Closes the open block and answers each user's credit: zero for a user idle all block.</summary>
    public IReadOnlyList<(string UserId, string DisplayName, TimeSpan Credited)> EndBlock(DateTimeOffset at)
    {
        Accrue(at);
        var credits = new List<(string, string, TimeSpan)>();
        if (BlockIndex >= 0)
        {
            foreach (var (userId, entry) in Users)
            {
                credits.Add((userId, entry.DisplayName, entry.Active ? TimeSpan.FromMilliseconds(entry.CreditedMs) : TimeSpan.Zero));
                entry.CreditedMs = 0;
                entry.Active = false;
            }
        }

        BlockIndex = -1;
        Counting = false;
        return credits;
    }

    public void Pause(DateTimeOffset at)
    {
        Accrue(at);
        Counting = false;
    }

    public void Resume(DateTimeOffset at)
    {
        AccruedUntil = at;
        Counting = BlockIndex >= 0;
    }

    /// <summary>The user joins (or re-joins) the sprint from a connection; joining counts as activity.</summary>
    public void Join(string userId, string displayName, string connectionId, DateTimeOffset at)
    {
        Accrue(at);
        var entry = EntryOf(userId);
        entry.DisplayName = displayName;
        entry.Joined = true;
        entry.Connections[connectionId] = at;
        entry.Active |= BlockIndex >= 0;
    }

    public void Leave(string userId, DateTimeOffset at)
    {
        Accrue(at);
        if (Users.TryGetValue(userId, out var entry))
        {
            entry.Joined = false;
        }
    }

    /// <summary>A heartbeat (or another call) from a joined user's connection; <paramref name="active"/> when it reports input.</summary>
    public void Seen(string userId, string connectionId, DateTimeOffset at, bool active)
    {
        if (!Users.TryGetValue(userId, out var entry) || !entry.Joined)
        {
            return;
        }

        Accrue(at);
        entry.Connections[connectionId] = at;
        entry.Active |= active && BlockIndex >= 0;
    }

    public void ConnectionClosed(string userId, string connectionId, DateTimeOffset at)
    {
        Accrue(at);
        if (Users.TryGetValue(userId, out var entry))
        {
            entry.Connections.Remove(connectionId);
        }
    }

    /// <summary>The user's credit in the open block so far (before the idle rule is applied).</summary>
    public TimeSpan CreditedSoFar(string userId, DateTimeOffset at)
    {
        Accrue(at);
        return Users.TryGetValue(userId, out var entry) ? TimeSpan.FromMilliseconds(entry.CreditedMs) : TimeSpan.Zero;
    }

    /// <summary>True while the user has a connection that counts at <paramref name="at"/>.</summary>
    public bool IsConnected(string userId, DateTimeOffset at) =>
        Users.TryGetValue(userId, out var entry) && entry.Connections.Count > 0 && entry.Connections.Values.Max() + Grace >= at;

    private void Accrue(DateTimeOffset to)
    {
        if (!Counting || to <= AccruedUntil)
        {
            return;
        }

        foreach (var entry in Users.Values)
        {
            if (!entry.Joined || entry.Connections.Count == 0)
            {
                continue;
            }

            var liveUntil = entry.Connections.Values.Max() + Grace;
            var until = liveUntil < to ? liveUntil : to;
            if (until > AccruedUntil)
            {
                entry.CreditedMs += (long)(until - AccruedUntil).TotalMilliseconds;
            }
        }

        AccruedUntil = to;
    }

    private LedgerEntry EntryOf(string userId)
    {
        if (!Users.TryGetValue(userId, out var entry))
        {
            entry = new LedgerEntry();
            Users[userId] = entry;
        }

        return entry;
    }
}
