using Microsoft.Extensions.DependencyInjection;
using StudyRooms.Contracts.Discovery;
using StudyRooms.Contracts.Protocol;
using StudyRooms.Contracts.Rooms;
using StudyRooms.Contracts.Sprints;
using StudyRooms.Grains.Erasure;
using StudyRooms.Grains.Storage;

namespace StudyRooms.Grains.Rooms;

/// <summary>
/// Archive, restore and delete (P-LIFE-*), the owner's alone. Archiving keeps everything and makes
/// the room read-only for everyone; deleting evicts everyone and erases every part of the room's
/// data (<see cref="RoomErasure"/>), marking the room Deleting first so a failure part way is
/// finished by the next try instead of leaving a half-deleted room that looks alive.
/// </summary>
public sealed partial class RoomGrain
{
    /// <summary>How often an erasure that failed is tried again while the room is active.</summary>
    public static readonly TimeSpan ErasureRetryPeriod = ErasureRetry.Period;

    private ErasureRetry? _erasureRetry;

    private ErasureRetry Retry => _erasureRetry ??= new ErasureRetry(this, () => state.State.Deleting, EraseAsync);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Deleting)
        {
            // A deletion that did not finish (a crash, a storage outage) finishes now (P-LIFE-4).
            Retry.Schedule(TimeSpan.Zero);
        }

        await RestorePresenceAsync();
        await base.OnActivateAsync(cancellationToken);
    }

    public async Task<RoomSnapshot> SetArchivedAsync(SetArchivedCommand command)
    {
        RequireOwner(command.ActorId, "archives and restores");
        if (state.State.Archived == command.Archived)
        {
            return Snapshot();
        }

        if (command.Archived && (await GrainFactory.GetGrain<ISprintGrain>(RoomId).GetAsync()).Status is SprintStatus.Running or SprintStatus.Paused)
        {
            throw new StudyRoomsException(ErrorCodes.SprintRunning, "a sprint is running in this room; stop it before archiving");
        }

        state.State.Archived = command.Archived;
        await state.WriteOrRevertAsync(() => state.State.Archived = !command.Archived);
        RoomLog.Moderated(logger, RoomId, command.ActorId, command.Archived ? "Archive" : "Restore", RoomId);
        if (command.Archived)
        {
            await AnnounceAsync(() => GrainFactory.GetGrain<IRoomDirectoryGrain>(0).ForgetAsync(RoomId));
        }
        else
        {
            await ListInDirectoryAsync();
        }

        await PublishBoardAccessAsync();
        await AnnounceAsync(() => broadcaster.RoomUpdatedAsync(new RoomUpdated { RoomId = RoomId, Room = Snapshot() }));
        return Snapshot();
    }

    public async Task DeleteAsync(DeleteRoomCommand command)
    {
        if (!state.State.Deleting)
        {
            RequireOwner(command.ActorId, "deletes");
        }
        else if (command.ActorId != state.State.OwnerId)
        {
            // A room being erased is gone for everyone but its owner, who may finish the deletion.
            throw new StudyRoomsException(ErrorCodes.RoomNotFound, "no room has this id");
        }

        if (!string.Equals(command.ConfirmName?.Trim(), state.State.Name, StringComparison.Ordinal))
        {
            throw new StudyRoomsException(ErrorCodes.InvalidRequest, "type the room's name exactly to confirm the deletion");
        }

        if (!state.State.Deleting)
        {
            state.State.Deleting = true;
            state.State.Exists = false;
            await state.WriteOrRevertAsync(() =>
            {
                state.State.Deleting = false;
                state.State.Exists = true;
            });
            RoomLog.Deleting(logger, RoomId, command.ActorId);
            await EvictEveryoneAsync();
        }

        await EraseAsync();
    }

    /// <summary>Tells everyone in the room it was deleted, takes them out of it and forgets the room's presence.</summary>
    private async Task EvictEveryoneAsync()
    {
        var connections = _present.Values.SelectMany(user => user.Connections.Keys).ToArray();
        _evictedUsers.UnionWith(_present.Keys);
        _present.Clear();
        _handBudgets.Clear();
        foreach (var request in _helpQueue.ToArray())
        {
            _helpQueue.Drop(request.UserId);
        }

        SweepWhilePresent();
        await AnnounceAsync(() => broadcaster.RoomDeletedAsync(new RoomDeleted { RoomId = RoomId, Name = state.State.Name }, connections));

        // Nobody may edit the board any more, and nobody receives cursors (P-LIVE-4).
        await PublishBoardAccessAsync();
    }

    /// <summary>Erases every part (idempotent), then the room's own record; on failure tries again later.</summary>
    private async Task EraseAsync()
    {
        var erasure = services.GetService<RoomErasure>() ?? RoomErasure.Default;
        try
        {
            await erasure.RunAsync(GrainFactory, RoomId, part => RoomLog.Erased(logger, RoomId, part));

            await ForgetInUserListsAsync();
            RoomLog.Erased(logger, RoomId, "your rooms");

            // Before the room's own record, so a retry after a failure still finds the room to erase.
            await PresenceStore.EraseAsync(RoomId);
            RoomLog.Erased(logger, RoomId, "presence record");
            await state.ClearStateAsync();
        }
        catch (Exception exception)
        {
            RoomLog.ErasureFailed(logger, exception, RoomId);
            Retry.Schedule(ErasureRetryPeriod);
            throw;
        }

        state.State = new RoomState();
        Retry.Stop();
        RoomLog.Erased(logger, RoomId, "room");
        DeactivateOnIdle();
    }

    private void RequireNotArchived()
    {
        if (state.State.Archived)
        {
            throw RoomArchived();
        }
    }

    private static StudyRoomsException RoomArchived() =>
        new(ErrorCodes.RoomArchived, "the room is archived; it is read-only until the owner restores it");

    private void RequireOwner(string actorId, string act)
    {
        if (!state.State.Exists)
        {
            throw new StudyRoomsException(ErrorCodes.RoomNotFound, "no room has this id");
        }

        if (actorId != state.State.OwnerId)
        {
            throw new StudyRoomsException(ErrorCodes.Forbidden, $"only the owner {act} the room");
        }
    }
}
