using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StudyRooms.Contracts.Accounts;
using StudyRooms.Contracts.Boards;
using StudyRooms.Contracts.Protocol;
using StudyRooms.Contracts.Rooms;
using StudyRooms.Contracts.Sprints;
using StudyRooms.Contracts.Stats;
using StudyRooms.Grains.Broadcasting;
using StudyRooms.Grains.Limits;
using StudyRooms.Grains.Storage;

namespace StudyRooms.Grains.Sprints;

/// <summary>
/// The study sprint of one room (docs/sprints.md). State is the plan plus the current phase's anchor;
/// the phase at any instant is <see cref="SprintSchedule"/>'s pure answer, and every call first moves
/// the schedule up to now, so a grain reactivated after a restart continues exactly where the schedule
/// says (P-SPR-3). Phase changes are announced on time by a grain timer set for the next one, backed by
/// a durable reminder that wakes the grain if its activation is gone (P-SPR-4). Hosts are the owner and
/// mentors, as the room grain says (P-SPR-1).
/// </summary>
public sealed class SprintGrain(
    [PersistentState("sprint", StorageNames.Rooms)] IPersistentState<SprintState> state,
    IRoomBroadcaster broadcaster,
    IOptions<SprintOptions> options,
    IServiceProvider services,
    ILogger<SprintGrain> logger) : Grain, ISprintGrain, IRemindable
{
    public const string ReminderName = "sprint-phase";

    /// <summary>Commands (start, control, join, goal, recap) a user may send per second, and the burst.</summary>
    private const double CommandsPerSecond = 2;
    private const double CommandBurst = 10;

    private readonly SprintOptions _options = options.Value;
    private readonly Dictionary<string, TokenBucket> _commandBuckets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _lastHeartbeat = new(StringComparer.Ordinal);
    private IGrainTimer? _timer;
    private DateTimeOffset? _armedFor;
    private bool? _boardLockSent;
    private bool _reminderMayExist = true;

    // Credits of blocks ended by the change being made; recorded after it is stored and announced.
    private readonly List<FocusCredit> _pendingCredits = [];

    /// <summary>The board history label of the latest sprint boundary not yet saved (P-SPR-14).</summary>
    private string? _pendingBoardSnapshot;

    private IStudyStatsSink? _stats;

    private string RoomId => field ??= this.GetPrimaryKeyString(); // decoded from the grain id once, not on every use

    private IStudyStatsSink Stats => _stats ??= services.GetService<IStudyStatsSink>() ?? new GrainStudyStatsSink(GrainFactory);

    private SprintState S => state.State;

    private DateTimeOffset Now => _options.Clock.GetUtcNow();

    private bool IsLive => S.Plan is not null && S.Anchor is { Ended: false };

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // A reactivated grain (after deactivation, a restart or a failover) re-arms its timer at once.
        if (IsLive)
        {
            await CatchUpAsync();
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // Heartbeats live in memory between writes; a graceful deactivation keeps them (a crash loses
        // at most the heartbeats since the last write, see docs/sprints.md, "Durability").
        if (IsLive)
        {
            await state.WriteStateAsync(cancellationToken);
        }
    }

    public async Task EraseAsync()
    {
        _timer?.Dispose();
        _timer = null;
        _armedFor = null;
        _pendingCredits.Clear();
        _pendingBoardSnapshot = null;
        if (await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        _reminderMayExist = false;
        await state.ClearStateAsync();
        state.State = new SprintState();
        DeactivateOnIdle();
    }

    public async Task ForgetUserAsync(string userId)
    {
        await CatchUpAsync();
        _commandBuckets.Remove(userId);
        _pendingCredits.RemoveAll(credit => credit.UserId == userId);
        var changed = S.Members.Remove(userId) | S.Ledger.Users.Remove(userId) | S.Recaps.Remove(userId);
        if (S.StartedBy == userId)
        {
            S.StartedBy = DeletedUsers.MarkerId;
            changed = true;
        }

        if (!changed)
        {
            if (S.SprintId is null)
            {
                // No sprint (a deleted room's): no activation left behind for it.
                DeactivateOnIdle();
            }

            return;
        }

        S.Version++;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Memory back to what storage holds, so the retry finds the user again.
            await state.ReadStateAsync();
            throw;
        }

        await AfterChangeAsync(SprintChange.ParticipantsChanged);
    }

    public async Task<SprintSnapshot> GetAsync()
    {
        await CatchUpAsync();
        return Snapshot();
    }

    public async Task<SprintSnapshot> GetForAsync(SprintActor actor)
    {
        await CatchUpAsync();
        await RequireInRoomAsync(actor);
        return Snapshot();
    }

    public async Task<SprintSnapshot> StartAsync(SprintActor actor, StartSprintCommand command)
    {
        await CatchUpAsync();
        Throttle(actor);
        await RequireHostAsync(actor);
        if (IsLive)
        {
            throw new StudyRoomsException(ErrorCodes.SprintRunning, "a sprint is already running in this room; stop it first");
        }

        var plan = SprintPlans.Build(command, _options.MinimumPhase);
        var goal = SprintPlans.CleanGoal(command.Goal);
        var now = Now;
        state.State = new SprintState
        {
            SprintId = Guid.NewGuid().ToString("N"),
            Plan = plan,
            Rules = command.Rules ?? new SprintRules(),
            Anchor = SprintSchedule.Start(plan, now),
            Status = SprintStatus.Running,
            StartedBy = actor.UserId,
            Version = S.Version + 1,
        };
        S.Ledger.StartBlock(0, now);
        AddMember(actor, goal, now);
        _pendingBoardSnapshot = "Sprint started";
        await state.WriteStateAsync();
        SprintLog.Started(logger, RoomId, actor.UserId, S.SprintId!, plan.Preset, plan.Cycles);
        await AfterChangeAsync(SprintChange.Started);
        return Snapshot();
    }

    public async Task<SprintSnapshot> ControlAsync(SprintActor actor, SprintControlCommand command)
    {
        await CatchUpAsync();
        Throttle(actor);
        await RequireHostAsync(actor);
        if (!IsLive)
        {
            throw new StudyRoomsException(ErrorCodes.SprintNotRunning, "no sprint is running in this room");
        }

        var plan = S.Plan!;
        var anchor = S.Anchor!;
        var now = Now;
        SprintChange change;
        switch (command.Kind)
        {
            case SprintControlKind.Pause:
                if (anchor.PausedAt is not null)
                {
                    return Snapshot();
                }

                S.Anchor = SprintSchedule.Pause(anchor, now);
                S.Ledger.Pause(now);
                S.Status = SprintStatus.Paused;
                change = SprintChange.Paused;
                break;
            case SprintControlKind.Resume:
                if (anchor.PausedAt is null)
                {
                    return Snapshot();
                }

                S.Anchor = SprintSchedule.Resume(anchor, now);
                S.Ledger.Resume(now);
                S.Status = SprintStatus.Running;
                change = SprintChange.Resumed;
                break;
            case SprintControlKind.Extend:
                if (command.ExtendMinutes is not { } minutes || minutes < 1 || minutes > SprintPlans.MaxExtendMinutes)
                {
                    throw new StudyRoomsException(ErrorCodes.InvalidRequest, $"minutes must be between 1 and {SprintPlans.MaxExtendMinutes}");
                }

                var extended = SprintSchedule.Extend(anchor, TimeSpan.FromMinutes(minutes));
                if (TimeSpan.FromMilliseconds(extended.DurationMs) > SprintPlans.MaxPhase)
                {
                    throw new StudyRoomsException(ErrorCodes.InvalidRequest, $"a phase may last at most {SprintPlans.MaxPhase.TotalMinutes:0} minutes");
                }

                S.Anchor = extended;
                change = SprintChange.Extended;
                break;
            case SprintControlKind.Skip:
            {
                var (next, transition) = SprintSchedule.Skip(plan, anchor, now);
                S.Anchor = next;
                if (anchor.PausedAt is not null)
                {
                    S.Status = SprintStatus.Running;
                }

                ApplyTransition(transition, stopped: false);
                change = transition.NextPhaseIndex is null ? SprintChange.Finished : SprintChange.PhaseChanged;
                break;
            }

            case SprintControlKind.Stop:
            {
                var (next, transition) = SprintSchedule.Stop(anchor, now);
                S.Anchor = next;
                ApplyTransition(transition, stopped: true);
                change = SprintChange.Stopped;
                break;
            }

            case SprintControlKind.SetRules:
                S.Rules = command.Rules ?? throw new StudyRoomsException(ErrorCodes.InvalidRequest, "rules are required");
                change = SprintChange.RulesChanged;
                break;
            default:
                throw new StudyRoomsException(ErrorCodes.InvalidRequest, "unknown sprint control");
        }

        S.Version++;
        await state.WriteStateAsync();
        SprintLog.Controlled(logger, RoomId, actor.UserId, command.Kind.ToString(), S.SprintId!);
        await AfterChangeAsync(change);
        return Snapshot();
    }

    public async Task<SprintSnapshot> JoinAsync(SprintActor actor, string? goal)
    {
        await CatchUpAsync();
        Throttle(actor);
        var role = await RequireInRoomAsync(actor, changes: true);
        if (role == RoomRole.Viewer)
        {
            throw new StudyRoomsException(ErrorCodes.Forbidden, "viewers may watch the sprint but not join it");
        }

        if (!IsLive)
        {
            throw new StudyRoomsException(ErrorCodes.SprintNotRunning, "no sprint is running in this room");
        }

        var clean = SprintPlans.CleanGoal(goal);
        var now = Now;
        AddMember(actor, clean, now);
        S.Version++;
        await state.WriteStateAsync();
        await AfterChangeAsync(SprintChange.ParticipantsChanged);
        return Snapshot();
    }

    public async Task<SprintSnapshot> LeaveAsync(SprintActor actor)
    {
        await CatchUpAsync();
        if (S.Members.TryGetValue(actor.UserId, out var member) && member.Joined)
        {
            member.Joined = false;
            S.Ledger.Leave(actor.UserId, Now);
            S.Version++;
            await state.WriteStateAsync();
            await AfterChangeAsync(SprintChange.ParticipantsChanged);
        }

        return Snapshot();
    }

    public async Task<SprintSnapshot> SetGoalAsync(SprintActor actor, string? goal)
    {
        await CatchUpAsync();
        Throttle(actor);
        if (await RequireInRoomAsync(actor, changes: true) == RoomRole.Viewer)
        {
            throw new StudyRoomsException(ErrorCodes.Forbidden, "viewers may watch the sprint but not take part");
        }

        if (!IsLive || !S.Members.TryGetValue(actor.UserId, out var member) || !member.Joined)
        {
            throw new StudyRoomsException(ErrorCodes.SprintNotRunning, "join the running sprint before setting a goal");
        }

        member.Goal = SprintPlans.CleanGoal(goal);
        S.Ledger.Seen(actor.UserId, actor.ConnectionId, Now, active: true);
        S.Version++;
        await state.WriteStateAsync();
        await AfterChangeAsync(SprintChange.ParticipantsChanged);
        return Snapshot();
    }

    public async Task<SprintRecapsUpdated> SubmitRecapAsync(SprintActor actor, SubmitRecapCommand command)
    {
        await CatchUpAsync();
        Throttle(actor);
        if (!Enum.IsDefined(command.Outcome))
        {
            throw new StudyRoomsException(ErrorCodes.InvalidRequest, "outcome must be done, partly or notDone");
        }

        if (S.RecapBlock < 0 || command.BlockIndex != S.RecapBlock)
        {
            throw new StudyRoomsException(ErrorCodes.InvalidRequest, "recaps are taken for the last ended focus block only");
        }

        if (await RequireInRoomAsync(actor, changes: true) == RoomRole.Viewer || !S.Members.TryGetValue(actor.UserId, out var member))
        {
            throw new StudyRoomsException(ErrorCodes.Forbidden, "only participants of the sprint recap its blocks");
        }

        var note = SprintPlans.CleanNote(command.Note);
        var now = Now;
        S.Recaps[actor.UserId] = new RecapEntry { Outcome = command.Outcome, Note = note };
        S.Ledger.Seen(actor.UserId, actor.ConnectionId, now, active: true);
        S.Version++;
        await state.WriteStateAsync();
        var summary = RecapSummary();
        await AnnounceAsync(() => broadcaster.SprintRecapsUpdatedAsync(summary));
        await AnnounceAsync(() => broadcaster.SprintUpdatedAsync(Updated(SprintChange.ParticipantsChanged)));
        await RecordAsync("recap", actor.UserId, () => Stats.RecordRecapAsync(new FocusRecap
        {
            UserId = actor.UserId,
            RoomId = RoomId,
            SprintId = S.SprintId!,
            BlockIndex = command.BlockIndex,
            Goal = member.Goal,
            Outcome = command.Outcome,
            Note = note,
            RecordedAt = now,
        }));
        return summary;
    }

    public async Task HeartbeatAsync(SprintActor actor, bool active)
    {
        await CatchUpAsync();
        var now = Now;
        if (_lastHeartbeat.TryGetValue(actor.ConnectionId, out var last) && now - last < _options.HeartbeatMinInterval)
        {
            throw new StudyRoomsException(ErrorCodes.RateLimited, RetryHint.Append($"at most one heartbeat every {_options.HeartbeatMinInterval.TotalSeconds:0} seconds", last + _options.HeartbeatMinInterval - now));
        }

        _lastHeartbeat[actor.ConnectionId] = now;
        try
        {
            await RequireInRoomAsync(actor);
        }
        catch (StudyRoomsException)
        {
            // Removed, banned or expired from the room: the connection stops counting at once.
            await ConnectionClosedAsync(actor);
            throw;
        }

        if (IsLive && S.Members.TryGetValue(actor.UserId, out var member) && member.Joined)
        {
            // Memory only: a heartbeat is not worth a storage write (docs/sprints.md, "Durability").
            S.Ledger.Seen(actor.UserId, actor.ConnectionId, now, active);
        }
    }

    public async Task ConnectionClosedAsync(SprintActor actor)
    {
        await CatchUpAsync();
        _lastHeartbeat.Remove(actor.ConnectionId);
        if (IsLive && S.Ledger.Users.ContainsKey(actor.UserId))
        {
            S.Ledger.ConnectionClosed(actor.UserId, actor.ConnectionId, Now);
            await state.WriteStateAsync();
        }
    }

    public Task<bool> IsBoardLockedAsync()
    {
        // Interleaved with other calls: read only, derived from the anchor without moving it.
        if (!IsLive)
        {
            return Task.FromResult(false);
        }

        var (anchor, _) = SprintSchedule.Advance(S.Plan!, S.Anchor!, Now);
        return Task.FromResult(!anchor.Ended && S.Rules.BoardLockedIn(SprintSchedule.KindOf(S.Plan!, anchor.PhaseIndex)));
    }

    public Task<bool> IsChatMutedAsync()
    {
        // Interleaved with other calls: read only, derived from the anchor without moving it.
        if (!IsLive)
        {
            return Task.FromResult(false);
        }

        var (anchor, _) = SprintSchedule.Advance(S.Plan!, S.Anchor!, Now);
        return Task.FromResult(!anchor.Ended && S.Rules.ChatMutedIn(SprintSchedule.KindOf(S.Plan!, anchor.PhaseIndex)));
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        reminderName == ReminderName ? CatchUpAsync() : Task.CompletedTask;

    /// <summary>
    /// Moves the schedule up to now: ends every phase whose end has passed at its exact end (crediting
    /// focus blocks, opening recaps), announces the change once, sends a due check-in, and arms the
    /// timer and reminder for what comes next.
    /// </summary>
    private async Task CatchUpAsync()
    {
        if (!IsLive)
        {
            await DisarmAsync();
            return;
        }

        var now = Now;
        var (anchor, transitions) = SprintSchedule.Advance(S.Plan!, S.Anchor!, now);
        if (transitions.Count > 0)
        {
            S.Anchor = anchor;
            foreach (var transition in transitions)
            {
                ApplyTransition(transition, stopped: false);
            }

            S.Version++;
            await state.WriteStateAsync();
            await AfterChangeAsync(anchor.Ended ? SprintChange.Finished : SprintChange.PhaseChanged);
        }
        else
        {
            await PushBoardLockAsync();
            await ArmAsync();
        }

        await CheckInIfDueAsync(now);
    }

    /// <summary>Ledger, recap and status consequences of one phase ending (in time order).</summary>
    private void ApplyTransition(PhaseTransition transition, bool stopped)
    {
        var plan = S.Plan!;
        var endedKind = SprintSchedule.KindOf(plan, transition.EndedPhaseIndex);
        _pendingBoardSnapshot = transition.NextPhaseIndex is null
            ? (stopped ? "Sprint stopped" : "Sprint finished")
            : $"{(endedKind == SprintPhaseKind.Focus ? "Focus" : "Break")} {SprintSchedule.BlockOf(transition.EndedPhaseIndex) + 1} ended";
        if (endedKind == SprintPhaseKind.Focus)
        {
            var block = SprintSchedule.BlockOf(transition.EndedPhaseIndex);
            var blockStartedAt = S.Ledger.BlockStartedAt;
            var credits = S.Ledger.EndBlock(transition.At);
            var completes = !stopped && transition.NextPhaseIndex is null;
            _pendingCredits.AddRange(credits.Where(c => c.Credited > TimeSpan.Zero).Select(c => new FocusCredit
            {
                UserId = c.UserId,
                DisplayName = c.DisplayName,
                RoomId = RoomId,
                SprintId = S.SprintId!,
                BlockIndex = block,
                BlockStartedAt = blockStartedAt,
                BlockEndedAt = transition.At,
                Credited = c.Credited,
                CompletesSprint = completes,
            }));
            S.RecapBlock = block;
            S.Recaps.Clear();
        }

        if (transition.NextPhaseIndex is { } next)
        {
            if (SprintSchedule.KindOf(plan, next) == SprintPhaseKind.Focus)
            {
                S.Ledger.StartBlock(SprintSchedule.BlockOf(next), transition.At);
            }

            SprintLog.PhaseChanged(logger, RoomId, S.SprintId!, next, transition.At);
        }
        else
        {
            S.Status = stopped ? SprintStatus.Stopped : SprintStatus.Finished;
            SprintLog.Ended(logger, RoomId, S.SprintId!, S.Status.ToString());
        }
    }

    /// <summary>After a stored change: tell the room, record credits, tell the board, arm the timer.</summary>
    private async Task AfterChangeAsync(SprintChange change)
    {
        await AnnounceAsync(() => broadcaster.SprintUpdatedAsync(Updated(change)));
        var credits = _pendingCredits.ToArray();
        _pendingCredits.Clear();
        foreach (var credit in credits)
        {
            await RecordAsync("focus", credit.UserId, () => Stats.RecordFocusAsync(credit));
        }

        await PushBoardLockAsync();
        await SaveBoardSnapshotAsync();
        await ArmAsync();
    }

    /// <summary>
    /// Keeps the board as it was at the latest sprint boundary in the board's history (P-SPR-14). A
    /// catch-up over several boundaries saves once, under the latest one's label: the board has
    /// only its present state to give.
    /// </summary>
    private async Task SaveBoardSnapshotAsync()
    {
        if (_pendingBoardSnapshot is not { } label)
        {
            return;
        }

        _pendingBoardSnapshot = null;
        try
        {
            await GrainFactory.GetGrain<IBoardGrain>(RoomId).SaveHistorySnapshotAsync(label);
        }
        catch (Exception exception)
        {
            // History is a convenience; the sprint goes on without this snapshot.
            SprintLog.BroadcastFailed(logger, exception, RoomId);
        }
    }

    private async Task CheckInIfDueAsync(DateTimeOffset now)
    {
        if (!IsLive || S.CheckInPhase == S.Anchor!.PhaseIndex || SprintSchedule.CheckInAt(S.Plan!, S.Anchor) is not { } at || at > now)
        {
            return;
        }

        S.CheckInPhase = S.Anchor.PhaseIndex;
        await state.WriteStateAsync();
        var prompt = new SprintCheckInPrompted { RoomId = RoomId, SprintId = S.SprintId!, BlockIndex = SprintSchedule.BlockOf(S.Anchor.PhaseIndex), At = at };
        await AnnounceAsync(() => broadcaster.SprintCheckInPromptedAsync(prompt));
        await ArmAsync();
    }

    /// <summary>
    /// A grain timer for the next checkpoint (phase end or check-in), exact to the millisecond, and a
    /// durable reminder for the same instant that reactivates the grain if this activation is gone by
    /// then (restart, failover, idle collection). Re-registered only when the checkpoint moves.
    /// </summary>
    private async Task ArmAsync()
    {
        var next = NextCheckpoint();
        if (next is null)
        {
            await DisarmAsync();
            return;
        }

        if (_armedFor == next && _timer is not null)
        {
            return;
        }

        _timer?.Dispose();
        var due = next.Value - Now;
        if (due < TimeSpan.Zero)
        {
            due = TimeSpan.Zero;
        }

        _timer = this.RegisterGrainTimer(
            static grain => grain.CatchUpAsync(),
            this,
            new GrainTimerCreationOptions(due, Timeout.InfiniteTimeSpan) { KeepAlive = true, Interleave = false });
        _armedFor = next;
        _reminderMayExist = true;

        // Reminders tick in whole periods of at least a minute; the timer gives the precision, the
        // reminder only the durability, and it keeps ticking each minute until it is moved or removed.
        await this.RegisterOrUpdateReminder(ReminderName, due < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : due, TimeSpan.FromMinutes(1));
    }

    private async Task DisarmAsync()
    {
        _timer?.Dispose();
        _timer = null;
        _armedFor = null;
        if (_reminderMayExist)
        {
            // Once per activation at most when nothing is armed: a reminder lookup reads the table.
            _reminderMayExist = false;
            if (await this.GetReminder(ReminderName) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }
        }
    }

    private DateTimeOffset? NextCheckpoint()
    {
        if (!IsLive || SprintSchedule.EndOf(S.Anchor!) is not { } end)
        {
            return null;
        }

        return S.CheckInPhase != S.Anchor!.PhaseIndex && SprintSchedule.CheckInAt(S.Plan!, S.Anchor) is { } checkIn && checkIn < end
            ? checkIn
            : end;
    }

    private async Task PushBoardLockAsync()
    {
        var locked = BoardLockedNow();
        if (_boardLockSent == locked)
        {
            return;
        }

        try
        {
            await GrainFactory.GetGrain<IBoardGrain>(RoomId).SetSprintLockAsync(locked);
            _boardLockSent = locked;
        }
        catch (Exception exception)
        {
            SprintLog.BroadcastFailed(logger, exception, RoomId);
        }
    }

    private bool BoardLockedNow() =>
        IsLive && S.Rules.BoardLockedIn(SprintSchedule.KindOf(S.Plan!, S.Anchor!.PhaseIndex));

    private void AddMember(SprintActor actor, string? goal, DateTimeOffset now)
    {
        if (!S.Members.TryGetValue(actor.UserId, out var member))
        {
            member = new SprintMember { JoinedAt = now };
            S.Members[actor.UserId] = member;
        }

        member.DisplayName = actor.DisplayName;
        member.Joined = true;
        if (goal is not null)
        {
            member.Goal = goal;
        }

        S.Ledger.Join(actor.UserId, actor.DisplayName, actor.ConnectionId, now);
    }

    private void Throttle(SprintActor actor)
    {
        if (!_commandBuckets.TryGetValue(actor.UserId, out var bucket))
        {
            bucket = new TokenBucket(CommandsPerSecond, CommandBurst, _options.Clock);
            _commandBuckets[actor.UserId] = bucket;
        }

        if (!bucket.TryTake())
        {
            throw new StudyRoomsException(ErrorCodes.RateLimited, RetryHint.Append("too many sprint commands; slow down", bucket.UntilNextToken()));
        }
    }

    /// <summary>The caller's role in the room, from the room grain; refuses a connection not in the room.</summary>
    private async Task<RoomRole> RequireInRoomAsync(SprintActor actor, bool changes = false)
    {
        var access = await GrainFactory.GetGrain<IRoomGrain>(RoomId).GetBoardAccessAsync()
            ?? throw new StudyRoomsException(ErrorCodes.RoomNotFound, "no room has this id");
        var viewer = access.ViewerConnections.Contains(actor.ConnectionId, StringComparer.Ordinal);
        if (!viewer && !access.EditorConnections.Contains(actor.ConnectionId, StringComparer.Ordinal))
        {
            throw new StudyRoomsException(ErrorCodes.NotInRoom, "this connection is not in the room");
        }

        if (changes && access.Archived)
        {
            // An archived room runs no sprint and takes no goals or recaps (P-LIFE-2).
            throw new StudyRoomsException(ErrorCodes.RoomArchived, "the room is archived; its sprints are read-only until the owner restores it");
        }

        if (viewer)
        {
            return RoomRole.Viewer;
        }

        return access.ModeratorIds.Contains(actor.UserId, StringComparer.Ordinal) ? RoomRole.Mentor : RoomRole.Member;
    }

    private async Task RequireHostAsync(SprintActor actor)
    {
        if (await RequireInRoomAsync(actor, changes: true) < RoomRole.Mentor)
        {
            throw new StudyRoomsException(ErrorCodes.Forbidden, "only the owner and mentors host sprints");
        }
    }

    private SprintUpdated Updated(SprintChange change) => new() { RoomId = RoomId, Change = change, Sprint = Snapshot() };

    private SprintSnapshot Snapshot()
    {
        if (S.Plan is not { } plan || S.Anchor is not { } anchor)
        {
            return new SprintSnapshot { RoomId = RoomId, Status = SprintStatus.None, ServerTime = Now, Version = S.Version };
        }

        var kind = SprintSchedule.KindOf(plan, anchor.PhaseIndex);
        var now = Now;
        return new SprintSnapshot
        {
            RoomId = RoomId,
            Status = S.Status,
            SprintId = S.SprintId,
            Plan = plan,
            Rules = S.Rules,
            PhaseIndex = anchor.PhaseIndex,
            PhaseKind = kind,
            BlockIndex = SprintSchedule.BlockOf(anchor.PhaseIndex),
            PhaseStartedAt = anchor.StartedAt,
            PhaseDurationMs = anchor.DurationMs,
            PausedAt = anchor.PausedAt,
            ServerTime = now,
            Participants = S.Members
                .OrderBy(m => m.Value.JoinedAt)
                .Select(m => new SprintParticipant
                {
                    UserId = m.Key,
                    DisplayName = m.Value.DisplayName,
                    Goal = m.Value.Goal,
                    Joined = m.Value.Joined,
                    LastOutcome = S.Recaps.TryGetValue(m.Key, out var recap) ? recap.Outcome : null,
                    Connected = m.Value.Joined && S.Ledger.IsConnected(m.Key, now),
                })
                .ToArray(),
            ChatMuted = IsLive && S.Rules.ChatMutedIn(kind),
            BoardLocked = BoardLockedNow(),
            Version = S.Version,
            StartedBy = S.StartedBy,
        };
    }

    private SprintRecapsUpdated RecapSummary()
    {
        var recaps = S.Recaps
            .Select(r => new SprintRecap
            {
                UserId = r.Key,
                DisplayName = S.Members.TryGetValue(r.Key, out var m) ? m.DisplayName : r.Key,
                Goal = m?.Goal,
                Outcome = r.Value.Outcome,
                Note = r.Value.Note,
            })
            .ToArray();
        return new SprintRecapsUpdated
        {
            RoomId = RoomId,
            SprintId = S.SprintId!,
            BlockIndex = S.RecapBlock,
            Done = recaps.Count(r => r.Outcome == GoalOutcome.Done),
            Partly = recaps.Count(r => r.Outcome == GoalOutcome.Partly),
            NotDone = recaps.Count(r => r.Outcome == GoalOutcome.NotDone),
            Recaps = recaps,
        };
    }

    private async Task AnnounceAsync(Func<Task> send)
    {
        try
        {
            await send();
        }
        catch (Exception exception)
        {
            SprintLog.BroadcastFailed(logger, exception, RoomId);
        }
    }

    /// <summary>Stats are a view of the sprint: a failing stats grain is logged and the sprint goes on (P-SPR-12).</summary>
    private async Task RecordAsync(string what, string userId, Func<Task> record)
    {
        try
        {
            await record();
        }
        catch (Exception exception)
        {
            SprintLog.StatsFailed(logger, exception, RoomId, what, userId);
        }
    }
}
