using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StudyRooms.Contracts.Boards;
using StudyRooms.Contracts.Boards.History;
using StudyRooms.Contracts.Protocol;
using StudyRooms.Contracts.Rooms;
using StudyRooms.Contracts.Sprints;
using StudyRooms.Grains.Broadcasting;
using StudyRooms.Grains.Limits;
using StudyRooms.Grains.Storage;

namespace StudyRooms.Grains.Boards;

/// <summary>
/// The whiteboard of one room. Orders every edit with the board clock (P-OPS-1), stores it in the
/// board's op log before acknowledging (P-OPS-2), then tells the room's other connections. Keeps
/// the recent ops in memory and in storage so a reconnecting client gets exactly what it missed
/// (P-JOIN-4). Limits come from the configured <see cref="BoardSettings"/>.
/// </summary>
public sealed class BoardGrain(
    IBoardStore store,
    IRoomBroadcaster broadcaster,
    IOptions<BoardSettings> settings,
    IOptions<BoardHistoryOptions> historyOptions,
    TimeProvider time,
    ILogger<BoardGrain> logger) : Grain, IBoardGrain
{
    /// <summary>History reads (list, preview) per second per user, and the burst allowed (P-HIST-2).</summary>
    public const double HistoryReadsPerSecond = 2;
    public const double HistoryReadBurst = 10;

    private readonly Dictionary<string, TokenBucket> _pushBuckets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TokenBucket> _historyBuckets = new(StringComparer.Ordinal);
    private readonly BoardSettings _limits = settings.Value;
    private BoardDocument _document = new();
    private BoardOpLog _log = new(0);

    // Whether the retained tail before the last snapshot is in _log. A cold load leaves it in storage
    // (it is as large as the board again); the first resume that reaches before the snapshot loads it (P-JOIN-5).
    private bool _olderOpsLoaded = true;
    private long _snapshotClock;
    private Task _snapshotWrite = Task.CompletedTask;
    private BoardHistoryRecorder _history = null!;

    // Who may edit, from the room grain (P-MOD-6). Not persisted: asked of the room on first push.
    private (bool Known, BoardAccess? Access) _access;

    // Whether this activation sent an op through the Redis backplane. From then on every op goes that
    // way, so none sent straight to this server's connections can overtake one still in Redis (P-OPS-9).
    private bool _opsPublished;

    // Whether the room's sprint locks the board in its current phase (P-SPR-7). Not persisted either:
    // asked of the sprint on first push, then kept current by the sprint grain.
    private bool? _sprintLocked;

    // Set by EraseAsync: this activation writes nothing any more, not even on deactivation (P-LIFE-4).
    private bool _erased;

    // Set when ForgetUserAsync rewrote the store but could not reload memory: memory may still name
    // the deleted user, so this activation writes nothing on its way out (P-ACCT-4).
    private bool _stale;

    private string BoardId => field ??= this.GetPrimaryKeyString(); // decoded from the grain id once, not on every use (several times a push)

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var stored = await store.LoadCurrentAsync(BoardId, cancellationToken);
        _document = BoardDocument.Restore(stored, _limits);
        _snapshotClock = stored.Snapshot?.Clock ?? 0;
        _log = BoardOpLog.Load(_limits.OpLogRetention, _document.Clock, stored.Ops);
        _olderOpsLoaded = stored.Snapshot is null;
        BoardLog.Loaded(logger, BoardId, _document.Clock, _document.LiveCount, stored.Ops.Count);

        var history = historyOptions.Value;
        _history = new BoardHistoryRecorder(store, BoardId, _limits, history.Clock, logger);
        await _history.LoadAsync(cancellationToken);
        // Catches the end of an editing stretch without waiting for the next edit (P-HIST-1); does
        // not keep an idle board active.
        this.RegisterGrainTimer(
            static grain => grain.TakeHistoryIfDueAsync(),
            this,
            new GrainTimerCreationOptions(history.CheckPeriod, history.CheckPeriod) { KeepAlive = false });
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_erased || _stale)
        {
            return;
        }

        // A board going idle keeps its last edits in the history too (P-HIST-1).
        try
        {
            await _history.TakeIfChangedAsync(_document);
        }
        catch (Exception)
        {
            // Logged by the recorder; deactivation goes on.
        }

        // Snapshots still being written finish before another activation can load this board.
        await _snapshotWrite;
        await _history.FlushAsync();
    }

    public Task<BoardSnapshot> GetSnapshotAsync() => Task.FromResult(_document.ToSnapshot());

    public Task SetAccessAsync(BoardAccess? access)
    {
        _access = (true, access);
        return Task.CompletedTask;
    }

    public Task SetSprintLockAsync(bool locked)
    {
        _sprintLocked = locked;
        return Task.CompletedTask;
    }

    public async Task<BoardCatchUp> CatchUpAsync(long? knownClock)
    {
        if (knownClock is { } known)
        {
            if (known < _log.ResumableFrom && !_olderOpsLoaded)
            {
                await LoadOlderOpsAsync();
            }

            if (_log.After(known) is { } missed)
            {
                return new BoardCatchUp { Resume = new BoardResume { Clock = _document.Clock, Ops = missed } };
            }
        }

        return new BoardCatchUp { Board = _document.ToSnapshot() };
    }

    /// <summary>Loads the retained tail before the ops held, once per activation (P-JOIN-5).</summary>
    private async Task LoadOlderOpsAsync()
    {
        var through = _log.ResumableFrom;
        try
        {
            if (_log.Room > 0 && through > 0)
            {
                _log.Prepend(await store.LoadOpsAsync(BoardId, Math.Max(0, through - _log.Room), through));
            }

            _olderOpsLoaded = true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A snapshot answers the join just as correctly (P-JOIN-4); the next resume tries again.
            BoardLog.TailLoadFailed(logger, exception, BoardId, through);
        }
    }

    public async Task EraseAsync()
    {
        _erased = true;
        BoardLog.Erasing(logger, BoardId, _document.Clock);

        // Writes already started land before the erase, not after it.
        await _snapshotWrite;
        await _history.FlushAsync();
        await store.DeleteAsync(BoardId);
        _document = new BoardDocument();
        _log = new BoardOpLog(0);
        _olderOpsLoaded = true;
        _snapshotClock = 0;
        DeactivateOnIdle();
    }

    public async Task ForgetUserAsync(string userId)
    {
        if (_erased)
        {
            return;
        }

        // Writes already started land before the rewrite, so none brings the user's id back after it.
        await _snapshotWrite;
        await _history.FlushAsync();
        await store.ForgetUserAsync(BoardId, userId);
        _history.ForgetEditor(userId);
        _pushBuckets.Remove(userId);
        _historyBuckets.Remove(userId);
        try
        {
            // Memory from the rewritten store, as on activation: elements, op log and client seqs.
            var stored = await store.LoadCurrentAsync(BoardId);
            _document = BoardDocument.Restore(stored, _limits);
            _snapshotClock = stored.Snapshot?.Clock ?? 0;
            _log = BoardOpLog.Load(_limits.OpLogRetention, _document.Clock, stored.Ops);
            _olderOpsLoaded = stored.Snapshot is null;
        }
        catch
        {
            _stale = true;
            DeactivateOnIdle();
            throw;
        }

        BoardLog.Loaded(logger, BoardId, _document.Clock, _document.LiveCount, _log.Count);
        if (_document.Clock == 0)
        {
            // A board never edited (a deleted room's): no activation left behind for it.
            DeactivateOnIdle();
        }
    }

    public async Task<PushOpsResult> PushOpsAsync(PushOpsCommand command)
    {
        RefuseIfErased();
        await EnsureAccessAsync();
        if (_access.Access?.Refusal(command.UserId, command.ConnectionId) is { } refusal)
        {
            BoardLog.PushRefused(logger, BoardId, command.UserId, refusal.Message);
            throw refusal;
        }

        _sprintLocked ??= await GrainFactory.GetGrain<ISprintGrain>(BoardId).IsBoardLockedAsync();
        if (_sprintLocked == true && _access.Access?.ModeratorIds.Contains(command.UserId, StringComparer.Ordinal) != true)
        {
            var locked = new StudyRoomsException(ErrorCodes.Forbidden, "the board is locked during this sprint phase; only the owner and mentors may edit");
            BoardLog.PushRefused(logger, BoardId, command.UserId, locked.Message);
            throw locked;
        }

        RefuseLockedEdits(command);
        var plan = Check(command);
        await CommitAsync(command.UserId, command.ClientId, command.ConnectionId, plan.NewOps);
        return new PushOpsResult { Clock = _document.Clock, Acks = plan.Acks };
    }

    /// <summary>
    /// Locked elements (P-MOD-7): only the owner and mentors lock, unlock, change or delete them. A push
    /// touching one is refused whole, like any refused push: nothing of it is applied.
    /// </summary>
    private void RefuseLockedEdits(PushOpsCommand command)
    {
        if (_access.Access?.ModeratorIds.Contains(command.UserId, StringComparer.Ordinal) == true)
        {
            return;
        }

        foreach (var op in command.Ops)
        {
            if (op.Props?.Locked is not null)
            {
                throw LockRefusal(command, "only the owner and mentors lock or unlock elements");
            }

            if (op is { Kind: ElementOpKind.Patch or ElementOpKind.Delete } && _document.IsLocked(op.ElementId))
            {
                throw LockRefusal(command, $"element {op.ElementId} is locked by the owner or a mentor");
            }
        }
    }

    private StudyRoomsException LockRefusal(PushOpsCommand command, string reason)
    {
        var refusal = new StudyRoomsException(ErrorCodes.Forbidden, reason);
        BoardLog.PushRefused(logger, BoardId, command.UserId, reason);
        return refusal;
    }

    public async Task<ImportBoardResult> ImportAsync(ImportBoardCommand command)
    {
        RefuseIfErased();
        await EnsureAccessAsync();
        if (_access.Access is { Archived: true })
        {
            throw new StudyRoomsException(ErrorCodes.RoomArchived, "the room is archived; it is read-only until the owner restores it");
        }

        var elements = command.Elements ?? [];
        if (elements.Length == 0 || elements.Length > _limits.MaxElements)
        {
            throw new StudyRoomsException(ErrorCodes.InvalidRequest, $"an import holds 1–{_limits.MaxElements} elements");
        }

        // An import needs no presence in the room: the room notes the importer here instead (P-ACCT-4).
        await GrainFactory.GetGrain<IRoomUsersGrain>(BoardId).NoteAsync([command.UserId]);
        var (clientId, ops, ids) = BoardImport.ToCreateOps(elements, _document.LastClientSeq(command.UserId, BoardImport.ClientId));
        PushPlan plan;
        try
        {
            plan = _document.Plan(command.UserId, clientId, ops);
        }
        catch (StudyRoomsException e)
        {
            BoardLog.PushRefused(logger, BoardId, command.UserId, e.Message);
            throw;
        }

        await CommitAsync(command.UserId, clientId, connectionId: "", plan.NewOps);
        return new ImportBoardResult { Clock = _document.Clock, ElementIds = ids };
    }

    public Task<BoardHistoryEntry> SaveHistorySnapshotAsync(string label)
    {
        RefuseIfErased();
        return _history.TakeNowAsync(_document, label);
    }

    public async Task<ListBoardHistoryResult> ListHistoryAsync(BoardHistoryQuery query)
    {
        await CheckHistoryReadAsync(query);
        await _history.FlushAsync();
        var entries = await store.ListHistoryAsync(BoardId);
        return new ListBoardHistoryResult { Entries = entries.ToArray() };
    }

    public async Task<BoardHistorySnapshot> PreviewHistoryAsync(BoardHistoryQuery query)
    {
        await CheckHistoryReadAsync(query);
        if (!Identifiers.IsValid(query.SnapshotId))
        {
            throw new StudyRoomsException(ErrorCodes.InvalidRequest, "snapshotId must be the id of a history snapshot");
        }

        await _history.FlushAsync();
        return await store.LoadHistoryAsync(BoardId, query.SnapshotId!)
            ?? throw new StudyRoomsException(ErrorCodes.SnapshotNotFound, "this board has no history snapshot with this id (any more)");
    }

    /// <summary>Members and above, from a connection in the room, within the read budget (P-HIST-2).</summary>
    private async Task CheckHistoryReadAsync(BoardHistoryQuery query)
    {
        await EnsureAccessAsync();
        if (_access.Access is { } access)
        {
            if (access.ViewerConnections.Contains(query.ConnectionId, StringComparer.Ordinal))
            {
                throw new StudyRoomsException(ErrorCodes.Forbidden, "viewers cannot see the board history");
            }

            if (!access.EditorConnections.Contains(query.ConnectionId, StringComparer.Ordinal))
            {
                throw new StudyRoomsException(ErrorCodes.NotInRoom, "this connection is not in the room (it left, expired or was removed)");
            }
        }

        if (!_historyBuckets.TryGetValue(query.UserId, out var bucket))
        {
            bucket = new TokenBucket(HistoryReadsPerSecond, HistoryReadBurst, time);
            _historyBuckets[query.UserId] = bucket;
        }

        if (!bucket.TryTake())
        {
            throw new StudyRoomsException(ErrorCodes.RateLimited, RetryHint.Append($"at most {HistoryReadsPerSecond:0.##} history reads per second", bucket.UntilNextToken()));
        }
    }

    private async Task EnsureAccessAsync()
    {
        if (!_access.Known)
        {
            _access = (true, await GrainFactory.GetGrain<IRoomGrain>(BoardId).GetBoardAccessAsync());
        }
    }

    private void RefuseIfErased()
    {
        if (_erased)
        {
            throw new StudyRoomsException(ErrorCodes.RoomNotFound, "the room was deleted");
        }
    }

    private Task TakeHistoryIfDueAsync()
    {
        if (_erased)
        {
            return Task.CompletedTask;
        }

        _history.TakeIfDue(_document);
        return Task.CompletedTask;
    }

    /// <summary>Stores, applies, logs and broadcasts ops a plan accepted (P-OPS-2: durable before the answer).</summary>
    private async Task CommitAsync(string userId, string clientId, string connectionId, IReadOnlyList<StoredOp> newOps)
    {
        if (newOps.Count == 0)
        {
            return;
        }

        // A due automatic history snapshot holds the board as it was before this edit (P-HIST-1).
        _history.TakeIfDue(_document);

        // Durable first: if the append throws, nothing was applied and the client may resend.
        try
        {
            await store.AppendAsync(BoardId, newOps);
        }
        catch
        {
            // The append may have reached storage after all (a timeout); reload from storage on
            // the next call so the resend is recognised instead of applied twice.
            DeactivateOnIdle();
            throw;
        }

        foreach (var op in newOps)
        {
            _document.Apply(op);
        }

        _log.Append(newOps);
        _history.NoteEditor(userId);
        await BroadcastAsync(userId, clientId, connectionId, newOps);
        StartSnapshotIfDue();
    }

    private PushPlan Check(PushOpsCommand command)
    {
        try
        {
            if (!Identifiers.IsValid(command.ClientId))
            {
                throw new StudyRoomsException(ErrorCodes.InvalidRequest, $"clientId must be 1–{BoardLimits.MaxIdLength} characters of A–Z, a–z, 0–9, _ or -");
            }

            if (command.Ops is not { Length: > 0 } ops || ops.Length > _limits.MaxOpsPerPush)
            {
                throw new StudyRoomsException(ErrorCodes.InvalidRequest, $"ops must hold 1–{_limits.MaxOpsPerPush} operations");
            }

            if (BucketFor(command.UserId) is var bucket && !bucket.TryTake())
            {
                throw new StudyRoomsException(ErrorCodes.RateLimited, RetryHint.Append($"at most {_limits.PushesPerSecond:0.##} pushes per second; slow down and resend", bucket.UntilNextToken()));
            }

            return _document.Plan(command.UserId, command.ClientId, command.Ops);
        }
        catch (StudyRoomsException e)
        {
            BoardLog.PushRefused(logger, BoardId, command.UserId, e.Message);
            throw;
        }
    }

    private TokenBucket BucketFor(string userId)
    {
        if (!_pushBuckets.TryGetValue(userId, out var bucket))
        {
            bucket = new TokenBucket(_limits.PushesPerSecond, _limits.PushBurst, time);
            _pushBuckets[userId] = bucket;
        }

        return bucket;
    }

    private async Task BroadcastAsync(string userId, string clientId, string connectionId, IReadOnlyList<StoredOp> ops)
    {
        var e = new OpsApplied
        {
            RoomId = BoardId,
            AuthorId = userId,
            ClientId = clientId,
            Ops = ops.Select(BoardDocument.ToCommitted).ToArray(),
        };
        try
        {
            _opsPublished |= await broadcaster.OpsAppliedAsync(e, connectionId, _opsPublished ? null : _access.Access?.Servers);
        }
        catch (Exception exception)
        {
            _opsPublished = true; // it may have reached the backplane anyway
            // The ops are stored and acknowledged; a peer that missed them gets them on its next join.
            BoardLog.BroadcastFailed(logger, exception, BoardId, _document.Clock);
        }
    }

    /// <summary>
    /// Every <see cref="BoardSettings.SnapshotIntervalFor"/> ops, writes a snapshot off the grain's turn:
    /// the copy of the element table is taken here (shallow; elements are immutable records), while
    /// serialising and storing it run on the thread pool, so pushes are not held up by it. One write
    /// at a time; a failed one only delays compaction, since ops are dropped only with a stored snapshot.
    /// </summary>
    private void StartSnapshotIfDue()
    {
        if (!_snapshotWrite.IsCompleted || _document.Clock - _snapshotClock < _limits.SnapshotIntervalFor(BoardId))
        {
            return;
        }

        var snapshot = _document.ToStoredSnapshot();
        _snapshotClock = snapshot.Clock;
        _snapshotWrite = SaveSnapshotOffTheTurn(store, logger, BoardId, snapshot, _limits.OpLogRetention);
    }

    // Apart from StartSnapshotIfDue, which runs after every commit: a lambda capturing its locals
    // there made the compiler allocate the closure on every call, due or not (12 % of the bytes the
    // server allocated at 400 / 40 / 5; docs/benchmarks.md, "A cheaper driver").
    private static Task SaveSnapshotOffTheTurn(IBoardStore store, ILogger logger, string boardId, StoredBoardSnapshot snapshot, int retain) =>
        Task.Run(() => SaveSnapshotAsync(store, logger, boardId, snapshot, retain));

    private static async Task SaveSnapshotAsync(IBoardStore store, ILogger logger, string boardId, StoredBoardSnapshot snapshot, int retain)
    {
        try
        {
            await store.SaveSnapshotAsync(boardId, snapshot, retain);
            BoardLog.Compacted(logger, boardId, snapshot.Clock);
        }
        catch (Exception exception)
        {
            BoardLog.CompactionFailed(logger, exception, boardId, snapshot.Clock);
        }
    }
}
