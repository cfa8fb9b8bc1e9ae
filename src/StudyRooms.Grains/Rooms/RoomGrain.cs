using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StudyRooms.Contracts.Boards;
using StudyRooms.Contracts.Protocol;
using StudyRooms.Contracts.Rooms;
using StudyRooms.Grains.Broadcasting;
using StudyRooms.Grains.Storage;

namespace StudyRooms.Grains.Rooms;

/// <summary>
/// One study room: settings, roles and bans in persisted state, presence in memory only. A user with
/// several connections is one participant (P-JOIN-2); joins and leaves are announced once (P-PRES-1).
/// Every permission of docs/permissions.md is decided here, and the board is told who may edit (P-MOD-6).
/// </summary>
public sealed class RoomGrain(
    [PersistentState("room", StorageNames.Rooms)] IPersistentState<RoomState> state,
    IRoomBroadcaster broadcaster,
    TimeProvider time,
    IOptions<RoomPresenceOptions> presenceOptions,
    ILogger<RoomGrain> logger) : Grain, IRoomGrain
{
    private readonly Dictionary<string, PresentUser> _present = new(StringComparer.Ordinal);
    private readonly RoomPresenceOptions _presence = presenceOptions.Value;
    private IGrainTimer? _sweep;

    private string RoomId => this.GetPrimaryKeyString();

    private TimeProvider PresenceClock => _presence.Clock;

    public async Task<RoomSnapshot> CreateAsync(CreateRoomCommand command)
    {
        if (state.State.Exists)
        {
            throw new StudyRoomsException(ErrorCodes.RoomExists, "a room with this id exists");
        }

        var (name, nameError) = RoomRules.CleanText(command.Name, "name", 1, RoomRules.MaxRoomNameLength);
        var (topic, topicError) = RoomRules.CleanText(command.Topic, "topic", 0, RoomRules.MaxTopicLength);
        var (description, descriptionError) = RoomRules.CleanDescription(command.Description);
        var (tags, tagsError) = RoomRules.CleanTags(command.Tags);
        var (capacity, capacityError) = RoomRules.CleanCapacity(command.Capacity);
        if ((nameError ?? topicError ?? descriptionError ?? tagsError ?? capacityError) is { } error)
        {
            throw new StudyRoomsException(ErrorCodes.InvalidRoom, error);
        }

        state.State = new RoomState
        {
            Exists = true,
            Name = name!,
            Topic = topic!,
            OwnerId = command.OwnerId,
            CreatedAt = time.GetUtcNow(),
            Description = description!,
            IsPublic = command.IsPublic,
            Capacity = capacity,
            Tags = tags!,
        };
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Not stored means not created: leave no room behind that a retry would collide with.
            state.State = new RoomState();
            throw;
        }

        RoomLog.Created(logger, RoomId, command.OwnerId);
        return Snapshot();
    }

    public Task<RoomSnapshot?> GetAsync() =>
        Task.FromResult(state.State.Exists ? Snapshot() : null);

    public async Task<JoinRoomResult> JoinAsync(JoinRoomCommand command)
    {
        if (!state.State.Exists)
        {
            throw new StudyRoomsException(ErrorCodes.RoomNotFound, "no room has this id");
        }

        if (state.State.Banned.Contains(command.UserId))
        {
            throw new StudyRoomsException(ErrorCodes.Banned, "you were banned from this room");
        }

        var role = RoleOf(command.UserId);
        if (!_present.ContainsKey(command.UserId) && _present.Count >= Capacity && role < RoomRole.Mentor)
        {
            throw new StudyRoomsException(ErrorCodes.RoomFull, $"the room is full ({Capacity} people)");
        }

        var board = await GrainFactory.GetGrain<IBoardGrain>(RoomId).GetSnapshotAsync();
        if (!_present.TryGetValue(command.UserId, out var user))
        {
            user = new PresentUser(new Participant
            {
                UserId = command.UserId,
                DisplayName = command.DisplayName,
                Color = ParticipantColors.For(command.UserId),
                Role = role,
            });
            _present[command.UserId] = user;
            RoomLog.ParticipantJoined(logger, command.UserId, RoomId, _present.Count);
            await AnnounceAsync(() => broadcaster.ParticipantJoinedAsync(new ParticipantJoined { RoomId = RoomId, Participant = user.Participant }));
        }

        user.Connections[command.ConnectionId] = PresenceClock.GetUtcNow();
        SweepWhilePresent();
        await PublishBoardAccessAsync();
        return new JoinRoomResult
        {
            Room = Snapshot(),
            Self = user.Participant,
            Participants = _present.Values.Select(p => p.Participant).ToArray(),
            Board = board,
        };
    }

    public async Task LeaveAsync(LeaveRoomCommand command)
    {
        if (!_present.TryGetValue(command.UserId, out var user) || !user.Connections.Remove(command.ConnectionId))
        {
            return;
        }

        if (user.Connections.Count == 0)
        {
            await DropAsync(command.UserId);
        }

        await PublishBoardAccessAsync();
        SweepWhilePresent();
    }

    public async Task ModerateAsync(ModerationCommand command)
    {
        if (!state.State.Exists)
        {
            throw new StudyRoomsException(ErrorCodes.RoomNotFound, "no room has this id");
        }

        if (!_present.TryGetValue(command.ActorId, out var actor) || !actor.Connections.ContainsKey(command.ActorConnectionId))
        {
            throw new StudyRoomsException(ErrorCodes.NotInRoom, "join the room first");
        }

        var actorRole = RoleOf(command.ActorId);
        switch (command.Kind)
        {
            case ModerationKind.SetRole:
                await SetRoleAsync(command, actorRole);
                break;
            case ModerationKind.Remove:
            case ModerationKind.Ban:
                await RemoveAsync(command, actorRole, ban: command.Kind == ModerationKind.Ban);
                break;
            case ModerationKind.Unban:
                await UnbanAsync(command, actorRole);
                break;
            case ModerationKind.SetReadOnly:
                await SetReadOnlyAsync(command, actorRole);
                break;
            default:
                throw new StudyRoomsException(ErrorCodes.InvalidRequest, "unknown moderation act");
        }
    }

    public Task<BoardAccess?> GetBoardAccessAsync() =>
        Task.FromResult(state.State.Exists ? BoardAccess() : null);

    public Task RefreshPresenceAsync(RefreshPresenceCommand command)
    {
        var now = PresenceClock.GetUtcNow();
        foreach (var connectionId in command.ConnectionIds)
        {
            foreach (var user in _present.Values)
            {
                if (user.Connections.ContainsKey(connectionId))
                {
                    user.Connections[connectionId] = now;
                }
            }
        }

        return Task.CompletedTask;
    }

    private async Task SetRoleAsync(ModerationCommand command, RoomRole actorRole)
    {
        if (actorRole != RoomRole.Owner)
        {
            throw new StudyRoomsException(ErrorCodes.Forbidden, "only the owner may change roles");
        }

        var target = RequireTarget(command);
        if (target == state.State.OwnerId)
        {
            throw new StudyRoomsException(ErrorCodes.InvalidRequest, "the owner's role cannot be changed");
        }

        if (command.Role is not (RoomRole.Viewer or RoomRole.Member or RoomRole.Mentor))
        {
            throw new StudyRoomsException(ErrorCodes.InvalidRequest, "role must be viewer, member or mentor");
        }

        var had = state.State.Roles.TryGetValue(target, out var previous);
        state.State.Roles[target] = command.Role;
        await WriteOrRevertAsync(() =>
        {
            if (had)
            {
                state.State.Roles[target] = previous;
            }
            else
            {
                state.State.Roles.Remove(target);
            }
        });

        if (_present.TryGetValue(target, out var user))
        {
            user.Participant = user.Participant with { Role = command.Role };
        }

        RoomLog.Moderated(logger, RoomId, command.ActorId, command.Kind.ToString(), target);
        await AnnounceAsync(() => broadcaster.RoleChangedAsync(new RoleChanged { RoomId = RoomId, UserId = target, Role = command.Role }));
        await PublishBoardAccessAsync();
    }

    private async Task RemoveAsync(ModerationCommand command, RoomRole actorRole, bool ban)
    {
        RequireModerator(actorRole);
        var target = RequireTarget(command);
        if (target == command.ActorId)
        {
            throw new StudyRoomsException(ErrorCodes.InvalidRequest, "you cannot remove yourself; leave the room instead");
        }

        if (RoleOf(target) >= actorRole)
        {
            throw new StudyRoomsException(ErrorCodes.Forbidden, "you may only remove or ban users with a lower role than yours");
        }

        if (!ban && !_present.ContainsKey(target))
        {
            throw new StudyRoomsException(ErrorCodes.NotInRoom, "that user is not in the room");
        }

        if (ban && state.State.Banned.Add(target))
        {
            await WriteOrRevertAsync(() => state.State.Banned.Remove(target));
        }

        RoomLog.Moderated(logger, RoomId, command.ActorId, command.Kind.ToString(), target);
        if (_present.Remove(target, out var user))
        {
            var removed = new ParticipantRemoved { RoomId = RoomId, UserId = target, ByUserId = command.ActorId, Banned = ban };
            await AnnounceAsync(() => broadcaster.ParticipantRemovedAsync(removed, user.Connections.Keys.ToArray()));
            await AnnounceAsync(() => broadcaster.ParticipantLeftAsync(new ParticipantLeft { RoomId = RoomId, UserId = target }));
            await PublishBoardAccessAsync();
            SweepWhilePresent();
        }
    }

    private async Task UnbanAsync(ModerationCommand command, RoomRole actorRole)
    {
        RequireModerator(actorRole);
        var target = RequireTarget(command);
        if (state.State.Banned.Remove(target))
        {
            await WriteOrRevertAsync(() => state.State.Banned.Add(target));
            RoomLog.Moderated(logger, RoomId, command.ActorId, command.Kind.ToString(), target);
        }
    }

    private async Task SetReadOnlyAsync(ModerationCommand command, RoomRole actorRole)
    {
        RequireModerator(actorRole);
        if (state.State.ReadOnly == command.ReadOnly)
        {
            return;
        }

        state.State.ReadOnly = command.ReadOnly;
        await WriteOrRevertAsync(() => state.State.ReadOnly = !command.ReadOnly);
        RoomLog.Moderated(logger, RoomId, command.ActorId, command.Kind.ToString(), command.ReadOnly ? "read-only" : "editable");
        await PublishBoardAccessAsync();
        await AnnounceAsync(() => broadcaster.RoomUpdatedAsync(new RoomUpdated { RoomId = RoomId, Room = Snapshot() }));
    }

    private static void RequireModerator(RoomRole actorRole)
    {
        if (actorRole < RoomRole.Mentor)
        {
            throw new StudyRoomsException(ErrorCodes.Forbidden, "only the owner and mentors may moderate");
        }
    }

    private static string RequireTarget(ModerationCommand command) =>
        command.TargetUserId is { Length: > 0 and <= RoomRules.MaxUserIdLength } target
            ? target
            : throw new StudyRoomsException(ErrorCodes.InvalidRequest, "userId is required");

    private async Task WriteOrRevertAsync(Action revert)
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // A refused (unstored) change changes nothing (P-ERR-3).
            revert();
            throw;
        }
    }

    private RoomRole RoleOf(string userId) =>
        userId == state.State.OwnerId ? RoomRole.Owner
        : state.State.Roles.TryGetValue(userId, out var role) ? role
        : RoomRole.Member;

    private int Capacity => state.State.Capacity > 0 ? state.State.Capacity : RoomRules.DefaultCapacity;

    private BoardAccess BoardAccess()
    {
        var editors = new List<string>();
        var viewers = new List<string>();
        foreach (var user in _present.Values)
        {
            (RoleOf(user.Participant.UserId) >= RoomRole.Member ? editors : viewers).AddRange(user.Connections.Keys);
        }

        return new BoardAccess
        {
            EditorConnections = editors.ToArray(),
            ViewerConnections = viewers.ToArray(),
            ModeratorIds = [state.State.OwnerId, .. state.State.Roles.Where(r => r.Value >= RoomRole.Mentor).Select(r => r.Key)],
            ReadOnly = state.State.ReadOnly,
        };
    }

    /// <summary>Tells the board who may edit now, before the call that changed it answers (P-MOD-6).</summary>
    private Task PublishBoardAccessAsync() =>
        GrainFactory.GetGrain<IBoardGrain>(RoomId).SetAccessAsync(BoardAccess());

    private async Task DropAsync(string userId)
    {
        _present.Remove(userId);
        RoomLog.ParticipantLeft(logger, userId, RoomId, _present.Count);
        await AnnounceAsync(() => broadcaster.ParticipantLeftAsync(new ParticipantLeft { RoomId = RoomId, UserId = userId }));
    }

    /// <summary>Drops connections no server vouched for within the expiry (P-PRES-2).</summary>
    private async Task ExpireStaleAsync()
    {
        var cutoff = PresenceClock.GetUtcNow() - _presence.Expiry;
        var changed = false;
        foreach (var (userId, user) in _present.ToArray())
        {
            foreach (var (connectionId, seen) in user.Connections.ToArray())
            {
                if (seen < cutoff)
                {
                    user.Connections.Remove(connectionId);
                    changed = true;
                    RoomLog.ConnectionExpired(logger, connectionId, userId, RoomId);
                }
            }

            if (user.Connections.Count == 0)
            {
                await DropAsync(userId);
            }
        }

        if (changed)
        {
            await PublishBoardAccessAsync();
            SweepWhilePresent();
        }
    }

    private RoomSnapshot Snapshot() => new()
    {
        RoomId = RoomId,
        Name = state.State.Name,
        Topic = state.State.Topic,
        CreatedAt = state.State.CreatedAt,
        Link = RoomRules.LinkFor(RoomId),
        Description = state.State.Description,
        IsPublic = state.State.IsPublic,
        Capacity = Capacity,
        Tags = state.State.Tags.ToArray(),
        ReadOnly = state.State.ReadOnly,
        OwnerId = state.State.OwnerId,
    };

    /// <summary>
    /// While anyone is present: sweep for expired connections (P-PRES-2), and keep the activation,
    /// since presence lives only in it.
    /// </summary>
    private void SweepWhilePresent()
    {
        if (_present.Count > 0 && _sweep is null)
        {
            _sweep = this.RegisterGrainTimer(
                static grain => grain.ExpireStaleAsync(),
                this,
                new GrainTimerCreationOptions(_presence.SweepPeriod, _presence.SweepPeriod) { KeepAlive = true });
        }
        else if (_present.Count == 0 && _sweep is not null)
        {
            _sweep.Dispose();
            _sweep = null;
        }
    }

    private async Task AnnounceAsync(Func<Task> send)
    {
        try
        {
            await send();
        }
        catch (Exception exception)
        {
            RoomLog.BroadcastFailed(logger, exception, RoomId);
        }
    }

    private sealed class PresentUser(Participant participant)
    {
        public Participant Participant { get; set; } = participant;

        /// <summary>Connection id → when it was last vouched for (P-PRES-2).</summary>
        public Dictionary<string, DateTimeOffset> Connections { get; } = new(StringComparer.Ordinal);
    }
}
