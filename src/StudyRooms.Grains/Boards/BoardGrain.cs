using Microsoft.Extensions.Logging;
using StudyRooms.Contracts.Boards;
using StudyRooms.Contracts.Protocol;
using StudyRooms.Contracts.Rooms;
using StudyRooms.Grains.Broadcasting;
using StudyRooms.Grains.Limits;
using StudyRooms.Grains.Storage;

namespace StudyRooms.Grains.Boards;

/// <summary>
/// The whiteboard of one room. Orders every edit with the board clock (P-OPS-1), stores it in the
/// board's op log before acknowledging (P-OPS-2), then tells the room's other connections.
/// </summary>
public sealed class BoardGrain(
    IBoardStore store,
    IRoomBroadcaster broadcaster,
    TimeProvider time,
    ILogger<BoardGrain> logger) : Grain, IBoardGrain
{
    /// <summary>Ops between snapshots; bounds the replay on activation.</summary>
    internal const int SnapshotEveryOps = 1_000;

    /// <summary>Push rate per user (P-OPS-6).</summary>
    internal const double PushesPerSecond = 60;
    internal const double PushBurst = 120;

    private readonly Dictionary<string, TokenBucket> _pushBuckets = new(StringComparer.Ordinal);
    private BoardDocument _document = new();
    private long _snapshotClock;

    // Who may edit, from the room grain (P-MOD-6). Not persisted: asked of the room on first push.
    private (bool Known, BoardAccess? Access) _access;

    private string BoardId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var stored = await store.LoadAsync(BoardId, cancellationToken);
        _document = BoardDocument.Restore(stored);
        _snapshotClock = stored.Snapshot?.Clock ?? 0;
        BoardLog.Loaded(logger, BoardId, _document.Clock, _document.LiveCount, stored.Ops.Count);
    }

    public Task<BoardSnapshot> GetSnapshotAsync() => Task.FromResult(_document.ToSnapshot());

    public Task SetAccessAsync(BoardAccess? access)
    {
        _access = (true, access);
        return Task.CompletedTask;
    }

    public async Task<PushOpsResult> PushOpsAsync(PushOpsCommand command)
    {
        if (!_access.Known)
        {
            _access = (true, await GrainFactory.GetGrain<IRoomGrain>(BoardId).GetBoardAccessAsync());
        }

        if (_access.Access?.Refusal(command.UserId, command.ConnectionId) is { } refusal)
        {
            BoardLog.PushRefused(logger, BoardId, command.UserId, refusal.Message);
            throw refusal;
        }

        var plan = Check(command);
        if (plan.NewOps.Count > 0)
        {
            // Durable first: if the append throws, nothing was applied and the client may resend.
            try
            {
                await store.AppendAsync(BoardId, plan.NewOps);
            }
            catch
            {
                // The append may have reached storage after all (a timeout); reload from storage on
                // the next call so the resend is recognised instead of applied twice.
                DeactivateOnIdle();
                throw;
            }

            foreach (var op in plan.NewOps)
            {
                _document.Apply(op);
            }

            await BroadcastAsync(command, plan.NewOps);
            await CompactIfDueAsync();
        }

        return new PushOpsResult { Clock = _document.Clock, Acks = plan.Acks };
    }

    private PushPlan Check(PushOpsCommand command)
    {
        try
        {
            if (!Identifiers.IsValid(command.ClientId))
            {
                throw new StudyRoomsException(ErrorCodes.InvalidRequest, $"clientId must be 1–{BoardLimits.MaxIdLength} characters of A–Z, a–z, 0–9, _ or -");
            }

            if (command.Ops is not { Length: > 0 and <= BoardLimits.MaxOpsPerPush })
            {
                throw new StudyRoomsException(ErrorCodes.InvalidRequest, $"ops must hold 1–{BoardLimits.MaxOpsPerPush} operations");
            }

            if (!BucketFor(command.UserId).TryTake())
            {
                throw new StudyRoomsException(ErrorCodes.RateLimited, $"at most {PushesPerSecond:0} pushes per second; slow down and resend");
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
            bucket = new TokenBucket(PushesPerSecond, PushBurst, time);
            _pushBuckets[userId] = bucket;
        }

        return bucket;
    }

    private async Task BroadcastAsync(PushOpsCommand command, IReadOnlyList<StoredOp> ops)
    {
        var e = new OpsApplied
        {
            RoomId = BoardId,
            AuthorId = command.UserId,
            ClientId = command.ClientId,
            Ops = ops.Select(BoardDocument.ToCommitted).ToArray(),
        };
        try
        {
            await broadcaster.OpsAppliedAsync(e, command.ConnectionId);
        }
        catch (Exception exception)
        {
            // The ops are stored and acknowledged; a peer that missed them gets them on its next join.
            BoardLog.BroadcastFailed(logger, exception, BoardId, _document.Clock);
        }
    }

    private async Task CompactIfDueAsync()
    {
        if (_document.Clock - _snapshotClock < SnapshotEveryOps)
        {
            return;
        }

        var snapshot = _document.ToStoredSnapshot();
        try
        {
            await store.SaveSnapshotAsync(BoardId, snapshot);
            _snapshotClock = snapshot.Clock;
            BoardLog.Compacted(logger, BoardId, snapshot.Clock);
        }
        catch (Exception exception)
        {
            BoardLog.CompactionFailed(logger, exception, BoardId, snapshot.Clock);
        }
    }
}
