using Orleans.Concurrency;

namespace StudyRooms.Contracts.Sprints;

/// <summary>
/// The study sprint of one room (docs/sprints.md): one sprint at a time, its phase derived from the
/// plan, the anchors and the clock, so a reactivated grain continues where the schedule says
/// (P-SPR-3). Key: the room id. Every method first brings the schedule up to the present.
/// </summary>
[Alias("StudyRooms.ISprintGrain")]
public interface ISprintGrain : IGrainWithStringKey
{
    /// <summary>The room's sprint now; <see cref="SprintStatus.None"/> when none was ever started.</summary>
    [Alias("Get")]
    Task<SprintSnapshot> GetAsync();

    /// <summary>The room's sprint as a connection in the room sees it; NOT_IN_ROOM for others (P-SPR-1).</summary>
    [Alias("GetFor")]
    Task<SprintSnapshot> GetForAsync(SprintActor actor);

    /// <summary>Starts a sprint; only a host (owner or mentor) in the room, and not while one runs (P-SPR-1).</summary>
    [Alias("Start")]
    Task<SprintSnapshot> StartAsync(SprintActor actor, StartSprintCommand command);

    /// <summary>Pause, resume, skip, extend, stop or set rules; only a host (P-SPR-5).</summary>
    [Alias("Control")]
    Task<SprintSnapshot> ControlAsync(SprintActor actor, SprintControlCommand command);

    /// <summary>Joins the running sprint (members and up), optionally with a goal (P-SPR-6, P-SPR-8).</summary>
    [Alias("Join")]
    Task<SprintSnapshot> JoinAsync(SprintActor actor, string? goal);

    /// <summary>Leaves the sprint; the user's focus clock stops (P-SPR-6).</summary>
    [Alias("Leave")]
    Task<SprintSnapshot> LeaveAsync(SprintActor actor);

    /// <summary>Sets or clears the caller's goal (P-SPR-8).</summary>
    [Alias("SetGoal")]
    Task<SprintSnapshot> SetGoalAsync(SprintActor actor, string? goal);

    /// <summary>The caller's recap of the last ended focus block (P-SPR-10).</summary>
    [Alias("SubmitRecap")]
    Task<SprintRecapsUpdated> SubmitRecapAsync(SprintActor actor, SubmitRecapCommand command);

    /// <summary>
    /// A connection in the room is alive; <paramref name="active"/> when its user gave input since the
    /// last one. A connection no longer in the room is refused and stops counting (P-SPR-11).
    /// </summary>
    [Alias("Heartbeat")]
    Task HeartbeatAsync(SprintActor actor, bool active);

    /// <summary>The connection left the room or closed; it no longer counts as present (P-SPR-11).</summary>
    [Alias("ConnectionClosed")]
    Task ConnectionClosedAsync(SprintActor actor);

    /// <summary>
    /// Whether the board is locked for members now (P-SPR-7). Interleaves, because the board asks
    /// while the sprint may itself be telling the board.
    /// </summary>
    [Alias("IsBoardLocked"), AlwaysInterleave]
    Task<bool> IsBoardLockedAsync();

    /// <summary>
    /// Whether members and viewers may not post in the chat now (P-SPR-7, P-CHAT-16). Interleaves
    /// and only reads, like <see cref="IsBoardLockedAsync"/>.
    /// </summary>
    [Alias("IsChatMuted"), AlwaysInterleave]
    Task<bool> IsChatMutedAsync();

    /// <summary>
    /// Erases the sprint: its stored state and reminder, and its timers, then deactivates; part of deleting a room (P-LIFE-4). Idempotent: erasing
    /// what is already gone succeeds.
    /// </summary>
    [Alias("Erase")]
    Task EraseAsync();

    /// <summary>Drops a deleted user from the sprint: membership, goal, ledger and recap (P-ACCT-4). Idempotent.</summary>
    [Alias("ForgetUser")]
    Task ForgetUserAsync(string userId);
}
