using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StudyRooms.Contracts.Accounts;
using StudyRooms.Contracts.Protocol;
using StudyRooms.Contracts.Resources;
using StudyRooms.Contracts.Rooms;
using StudyRooms.Grains.Broadcasting;
using StudyRooms.Grains.Limits;
using StudyRooms.Grains.Storage;

namespace StudyRooms.Grains.Resources;

/// <summary>
/// The resource shelf of one room (P-RES-*). Every call asks the room grain for the caller's place,
/// so a role change, removal or ban applies at once; every change is written to grain state before
/// the answer and then told to the room (P-RES-8). File bytes stay in <see cref="IResourceFileStore"/>:
/// the upload endpoint stores them first and lists them here; a removal deletes them after the state
/// no longer lists them, so a listed file is never missing (a failed delete leaves an unlisted file).
/// </summary>
public sealed class RoomResourcesGrain(
    [PersistentState("resources", StorageNames.Rooms)] IPersistentState<RoomResourcesState> state,
    IRoomBroadcaster broadcaster,
    IResourceFileStore files,
    IOptions<ResourceSettings> settings,
    TimeProvider time,
    ILogger<RoomResourcesGrain> logger) : Grain, IRoomResourcesGrain
{
    private readonly ResourceSettings _settings = settings.Value;
    private readonly Dictionary<string, TokenBucket> _budgets = new(StringComparer.Ordinal);

    private string RoomId => field ??= this.GetPrimaryKeyString(); // decoded from the grain id once, not on every use

    public async Task<ResourceItem> PinAsync(ResourceActor actor, PinResourceRequest request)
    {
        await RequireAsync(actor, ResourceRules.WriteRefusal);
        var item = Checked(actor, () => ItemOf(actor, request));
        return await AddAsync(actor, item);
    }

    public async Task CheckAddAsync(ResourceActor actor)
    {
        await RequireAsync(actor, ResourceRules.WriteRefusal);
        CheckRoom(actor);
        if (!BudgetFor(actor.UserId).CanTake())
        {
            throw Refused(actor, RateLimited(BudgetFor(actor.UserId).UntilNextToken()));
        }
    }

    public async Task<ResourceItem> AddFileAsync(ResourceActor actor, AddFileCommand command)
    {
        await RequireAsync(actor, ResourceRules.WriteRefusal);
        var file = command.File;
        if (!ResourceRules.IsBlobId(file.BlobId) || file.Size < 0 || state.State.Items.Any(i => i.File?.BlobId == file.BlobId))
        {
            throw Refused(actor, new StudyRoomsException(ErrorCodes.InvalidResource, "not a new stored file"));
        }

        var name = ResourceRules.CleanFileName(file.Name, _settings.MaxTitleLength);
        return await AddAsync(actor, NewItem(actor, ResourceKind.File) with { Title = name, File = file with { Name = name } });
    }

    public async Task RemoveAsync(ResourceActor actor, RemoveResourceRequest request)
    {
        var access = await RequireAsync(actor, ResourceRules.ReadRefusal);
        var item = state.State.Items.Find(i => i.Id == request.ResourceId)
            ?? throw Refused(actor, new StudyRoomsException(ErrorCodes.ResourceNotFound, "no item of this room's shelf has this id"));
        if (!ResourceRules.MayRemoveAny(access))
        {
            if (item.AddedBy != actor.UserId)
            {
                throw Refused(actor, new StudyRoomsException(ErrorCodes.Forbidden, "only whoever added an item, mentors and the owner may remove it"));
            }

            if (ResourceRules.WriteRefusal(access) is { } refusal)
            {
                throw Refused(actor, refusal);
            }
        }

        var index = state.State.Items.IndexOf(item);
        state.State.Items.RemoveAt(index);
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Not stored means not removed (P-ERR-3).
            state.State.Items.Insert(index, item);
            throw;
        }

        if (item.File is { } file)
        {
            await DeleteFileAsync(file.BlobId);
        }

        await BroadcastAsync(() => broadcaster.ResourcesRemovedAsync(new ResourcesRemoved { RoomId = RoomId, ResourceIds = [item.Id], ByUserId = actor.UserId }));
    }

    public async Task<ResourceShelf> ListAsync(ResourceActor actor)
    {
        await RequireAsync(actor, ResourceRules.ReadRefusal);
        return new ResourceShelf
        {
            Items = Enumerable.Reverse(state.State.Items).ToArray(),
            MaxItems = _settings.MaxItemsPerRoom,
            MaxTitleLength = _settings.MaxTitleLength,
            MaxNoteLength = _settings.MaxNoteLength,
        };
    }

    public async Task<ResourceFile> GetFileAsync(ResourceActor actor, string blobId)
    {
        await RequireAsync(actor, ResourceRules.ReadRefusal);
        return state.State.Items.Find(i => i.File?.BlobId == blobId)?.File
            ?? throw new StudyRoomsException(ErrorCodes.ResourceNotFound, "no file of this room has this id");
    }

    public async Task ForgetUserAsync(string userId)
    {
        _budgets.Remove(userId);
        var items = state.State.Items;
        if (!items.Any(item => item.AddedBy == userId))
        {
            if (items.Count == 0)
            {
                // An empty shelf (a deleted room's): no activation left behind for it.
                DeactivateOnIdle();
            }

            return;
        }

        state.State.Items = items
            .Select(item => item.AddedBy == userId ? item with { AddedBy = DeletedUsers.MarkerId, AddedByName = DeletedUsers.MarkerName } : item)
            .ToList();
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State.Items = items;
            throw;
        }
    }

    public async Task DeleteAllAsync()
    {
        var removed = state.State.Items.Select(i => i.Id).ToArray();
        await state.ClearStateAsync();
        state.State = new RoomResourcesState();
        await files.DeleteRoomAsync(RoomId);
        ResourceLog.DeletedAll(logger, RoomId, removed.Length);
        if (removed.Length > 0)
        {
            await BroadcastAsync(() => broadcaster.ResourcesRemovedAsync(new ResourcesRemoved { RoomId = RoomId, ResourceIds = removed }));
        }

        // Part of deleting the room (P-LIFE-4): no activation keeps a copy of what was erased.
        _budgets.Clear();
        DeactivateOnIdle();
    }

    private async Task<ResourceItem> AddAsync(ResourceActor actor, ResourceItem item)
    {
        CheckRoom(actor);
        if (!BudgetFor(actor.UserId).TryTake())
        {
            throw Refused(actor, RateLimited(BudgetFor(actor.UserId).UntilNextToken()));
        }

        var added = item with { Seq = state.State.LastSeq + 1 };
        state.State.Items.Add(added);
        state.State.LastSeq = added.Seq;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State.Items.RemoveAt(state.State.Items.Count - 1);
            state.State.LastSeq = added.Seq - 1;
            throw;
        }

        await BroadcastAsync(() => broadcaster.ResourceAddedAsync(new ResourceAdded { RoomId = RoomId, Item = added }));
        return added;
    }

    private ResourceItem ItemOf(ResourceActor actor, PinResourceRequest request)
    {
        switch (request.Kind)
        {
            case ResourceKind.Link:
                var (url, title) = ResourceRules.CheckLink(request.Url, request.Title, _settings);
                return NewItem(actor, ResourceKind.Link) with { Url = url, Title = title };
            case ResourceKind.Note:
                return NewItem(actor, ResourceKind.Note) with { Text = ResourceRules.CheckNote(request.Text, _settings) };
            default:
                throw new StudyRoomsException(ErrorCodes.InvalidResource, "pin a link or a note; files are uploaded over HTTP");
        }
    }

    private void CheckRoom(ResourceActor actor)
    {
        if (state.State.Items.Count >= _settings.MaxItemsPerRoom)
        {
            throw Refused(actor, new StudyRoomsException(ErrorCodes.ShelfFull, $"the room's shelf holds its limit of {_settings.MaxItemsPerRoom} items; remove one first"));
        }
    }

    private ResourceItem NewItem(ResourceActor actor, ResourceKind kind) => new()
    {
        Id = ResourceRules.NewResourceId(),
        Seq = 0,
        Kind = kind,
        AddedBy = actor.UserId,
        AddedByName = actor.DisplayName,
        AddedAt = time.GetUtcNow(),
    };

    private StudyRoomsException RateLimited(TimeSpan wait) =>
        new(ErrorCodes.RateLimited, RetryHint.Append($"too many resources added; at most {_settings.AddBurst:0} at once and {_settings.AddsPerMinute:0.##} a minute", wait));

    /// <summary>Asks the room for the caller's place and throws the rule's refusal, if any.</summary>
    private async Task<ResourceAccess> RequireAsync(ResourceActor actor, Func<ResourceAccess, StudyRoomsException?> rule)
    {
        var access = await GrainFactory.GetGrain<IRoomGrain>(RoomId).GetResourceAccessAsync(actor.UserId, actor.ConnectionId);
        if (rule(access) is { } refusal)
        {
            throw Refused(actor, refusal);
        }

        return access;
    }

    private T Checked<T>(ResourceActor actor, Func<T> check)
    {
        try
        {
            return check();
        }
        catch (StudyRoomsException e)
        {
            throw Refused(actor, e);
        }
    }

    private StudyRoomsException Refused(ResourceActor actor, StudyRoomsException refusal)
    {
        ResourceLog.Refused(logger, RoomId, actor.UserId, refusal.Message);
        return refusal;
    }

    private TokenBucket BudgetFor(string userId)
    {
        if (!_budgets.TryGetValue(userId, out var bucket))
        {
            bucket = new TokenBucket(_settings.AddsPerMinute / 60, _settings.AddBurst, time);
            _budgets[userId] = bucket;
        }

        return bucket;
    }

    private async Task DeleteFileAsync(string blobId)
    {
        try
        {
            await files.DeleteAsync(RoomId, blobId);
        }
        catch (Exception exception)
        {
            ResourceLog.FileDeleteFailed(logger, exception, RoomId, blobId);
        }
    }

    private async Task BroadcastAsync(Func<Task> send)
    {
        try
        {
            await send();
        }
        catch (Exception exception)
        {
            // Stored and acknowledged; a peer that missed the event sees the change when it lists.
            ResourceLog.BroadcastFailed(logger, exception, RoomId);
        }
    }
}
