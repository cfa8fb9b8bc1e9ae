namespace StudyRooms.Contracts.Sprints;

/// <summary>
/// A room's sprint as clients see it: the plan plus the anchors of the current phase (P-SPR-3).
/// A client computes the remaining time itself: while running, <c>PhaseStartedAt + PhaseDurationMs
/// - serverNow</c>; while paused, <c>PhaseDurationMs - (PausedAt - PhaseStartedAt)</c>, where
/// serverNow is its own clock corrected by the offset measured from <see cref="ServerTime"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.SprintSnapshot")]
public sealed record SprintSnapshot
{
    [Id(0)] public required string RoomId { get; init; }
    [Id(1)] public SprintStatus Status { get; init; }
    /// <summary>Unique per sprint run; null when no sprint was ever started.</summary>
    [Id(2)] public string? SprintId { get; init; }
    [Id(3)] public SprintPlan? Plan { get; init; }
    [Id(4)] public SprintRules Rules { get; init; } = new();
    /// <summary>Zero-based phase: even indexes are focus blocks, odd ones breaks.</summary>
    [Id(5)] public int PhaseIndex { get; init; }
    [Id(6)] public SprintPhaseKind PhaseKind { get; init; }
    /// <summary>The focus block of the phase (for a break, the block it follows).</summary>
    [Id(7)] public int BlockIndex { get; init; }
    [Id(8)] public DateTimeOffset PhaseStartedAt { get; init; }
    [Id(9)] public long PhaseDurationMs { get; init; }
    /// <summary>When the sprint was paused; null while running.</summary>
    [Id(10)] public DateTimeOffset? PausedAt { get; init; }
    /// <summary>The server's clock when this snapshot was made, for the client's offset estimate.</summary>
    [Id(11)] public DateTimeOffset ServerTime { get; init; }
    [Id(12)] public SprintParticipant[] Participants { get; init; } = [];
    /// <summary>True when members and viewers may not chat now (owner and mentors may); for the chat (P-SPR-7).</summary>
    [Id(13)] public bool ChatMuted { get; init; }
    /// <summary>True when members may not edit the board now (owner and mentors may) (P-SPR-7).</summary>
    [Id(14)] public bool BoardLocked { get; init; }
    /// <summary>Grows with every change; a client ignores a snapshot older than the one it holds.</summary>
    [Id(15)] public long Version { get; init; }
    [Id(16)] public string? StartedBy { get; init; }

    /// <summary>Whether a user with <paramref name="role"/> may post to the room chat now (P-SPR-7).</summary>
    public bool IsChatMutedFor(Rooms.RoomRole role) => ChatMuted && !SprintRules.Exempt(role);

    /// <summary>Whether a user with <paramref name="role"/> is kept from editing the board now (P-SPR-7).</summary>
    public bool IsBoardLockedFor(Rooms.RoomRole role) => BoardLocked && !SprintRules.Exempt(role);
}
