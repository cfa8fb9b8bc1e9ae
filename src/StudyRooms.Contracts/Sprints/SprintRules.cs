using StudyRooms.Contracts.Rooms;

namespace StudyRooms.Contracts.Sprints;

/// <summary>
/// Room rules per sprint phase, set by a host (P-SPR-7). Owners and mentors are never muted or
/// locked. Any combination is allowed, e.g. chat muted during focus and the board locked during
/// breaks, or the reverse.
/// </summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.SprintRules")]
public sealed record SprintRules
{
    [Id(0)] public bool MuteChatDuringFocus { get; init; }
    [Id(1)] public bool MuteChatDuringBreaks { get; init; }
    [Id(2)] public bool LockBoardDuringFocus { get; init; }
    [Id(3)] public bool LockBoardDuringBreaks { get; init; }

    /// <summary>True when members and viewers may not chat during a phase of this kind.</summary>
    public bool ChatMutedIn(SprintPhaseKind kind) =>
        kind == SprintPhaseKind.Focus ? MuteChatDuringFocus : MuteChatDuringBreaks;

    /// <summary>True when members may not edit the board during a phase of this kind.</summary>
    public bool BoardLockedIn(SprintPhaseKind kind) =>
        kind == SprintPhaseKind.Focus ? LockBoardDuringFocus : LockBoardDuringBreaks;

    /// <summary>Moderators (owner, mentors) are excepted from every phase rule.</summary>
    public static bool Exempt(RoomRole role) => role >= RoomRole.Mentor;
}
