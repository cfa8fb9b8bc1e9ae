using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StudyRooms.Contracts.Boards;
using StudyRooms.Contracts.Discovery;
using StudyRooms.Contracts.Help;
using StudyRooms.Contracts.Invites;
using StudyRooms.Contracts.Protocol;
using StudyRooms.Contracts.Rooms;
using StudyRooms.Grains.Boards;
using StudyRooms.Grains.Broadcasting;
using StudyRooms.Grains.Limits;
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
    IOptions<BoardSettings> boardSettings,
    ILogger<RoomGrain> logger) : Grain, IRoomGrain
{
    private readonly Dictionary<string, PresentUser> _present = new(StringComparer.Ordinal);
    private readonly CursorAudience _cursorAudience = new();
    private readonly RoomPresenceOptions _presence = presenceOptions.Value;
    private readonly HelpQueue _helpQueue = new();
    private readonly Dictionary<string, TokenBucket> _handBudgets = new(StringComparer.Ordinal);
    private IGrainTimer? _sweep;

    private string RoomId => this.GetPrimaryKeyString();

    private TimeProvider PresenceClock => _presence.Clock;

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // Presence lives only in this activation: a deactivation with people present loses it.
        RoomLog.Deactivated(logger, RoomId, _present.Count, reason.ToString());
        return base.OnDeactivateAsync(reason, cancellationToken);
    }

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
            InviteOnly = command.InviteOnly,
            OverflowAsViewers = command.OverflowAsViewers,
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
        await ListInDirectoryAsync();
        return Snapshot();
    }

    public Task<RoomSnapshot?> GetAsync() =>
        Task.FromResult(state.State.Exists ? Snapshot() : null);

    public Task<RoomSnapshot?> GetForAsync(string userId) =>
        Task.FromResult(state.State.Exists && (!state.State.InviteOnly || HasPlace(userId)) ? Snapshot() : null);

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

        if (state.State.InviteOnly && !HasPlace(command.UserId))
        {
            // Same answer as an unknown room: a private room's existence is not revealed (P-INV-4).
            throw new StudyRoomsException(ErrorCodes.RoomNotFound, "no room has this id");
        }

        var role = RoleOf(command.UserId);
        var overflow = false;
        if (!_present.ContainsKey(command.UserId) && _present.Count >= Capacity && role < RoomRole.Mentor)
        {
            // P-ROOM-5: a room may seat newcomers as viewers past its capacity, up to the largest one.
            if (!state.State.OverflowAsViewers || _present.Count >= RoomRules.MaxCapacity)
            {
                throw new StudyRoomsException(ErrorCodes.RoomFull, $"the room is full ({Capacity} people)");
            }

            overflow = true;
        }

        var board = await GrainFactory.GetGrain<IBoardGrain>(RoomId).CatchUpAsync(command.KnownClock);
        if (!_present.TryGetValue(command.UserId, out var user))
        {
            user = new PresentUser(new Participant
            {
                UserId = command.UserId,
                DisplayName = command.DisplayName,
                Color = ParticipantColors.For(command.UserId),
                Role = overflow ? RoomRole.Viewer : role,
            })
            {
                Overflow = overflow,
            };
            _present[command.UserId] = user;
            RoomLog.ParticipantJoined(logger, command.UserId, RoomId, _present.Count);
            await AnnounceAsync(() => broadcaster.ParticipantJoinedAsync(new ParticipantJoined { RoomId = RoomId, Participant = user.Participant }));
            await ListInDirectoryAsync();
        }

        user.Connections[command.ConnectionId] = PresenceClock.GetUtcNow();
        SweepWhilePresent();
        await PublishBoardAccessAsync();
        return new JoinRoomResult
        {
            Room = Snapshot(),
            Self = user.Participant,
            Participants = _present.Values.Select(p => p.Participant).ToArray(),
            Board = board.Board,
            Resume = board.Resume,
            HelpQueue = _helpQueue.ToArray(),
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
            case ModerationKind.MuteChat:
            case ModerationKind.UnmuteChat:
                await MuteChatAsync(command, actorRole, muted: command.Kind == ModerationKind.MuteChat);
                break;
            default:
                throw new StudyRoomsException(ErrorCodes.InvalidRequest, "unknown moderation act");
        }
    }

    public Task<BoardAccess?> GetBoardAccessAsync() =>
        Task.FromResult(state.State.Exists ? BoardAccess() : null);

    public Task<ChatAccess> GetChatAccessAsync(string userId, string connectionId) =>
        Task.FromResult(new ChatAccess
        {
            InRoom = state.State.Exists && _present.TryGetValue(userId, out var user) && user.Connections.ContainsKey(connectionId),
            Role = RoleOf(userId),
            ReadOnly = state.State.ReadOnly,
            Muted = state.State.ChatMuted.Contains(userId),
        });

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

    public async Task<InviteInfo> CreateInviteAsync(CreateInviteCommand command)
    {
        RequireOwner(command.ActorId);
        RoomInvites.Validate(command);
        var now = time.GetUtcNow();
        state.State.Invites.RemoveAll(i => !RoomInvites.IsUsable(i, now));
        if (state.State.Invites.Count >= RoomInvites.MaxInvitesPerRoom)
        {
            throw new StudyRoomsException(ErrorCodes.InvalidRequest, $"a room has at most {RoomInvites.MaxInvitesPerRoom} invite links; revoke one first");
        }

        var invite = new InviteState
        {
            Secret = RoomInvites.NewSecret(),
            Role = command.Role,
            CreatedAt = now,
            ExpiresAt = command.ExpiresInMinutes is { } minutes ? now.AddMinutes(minutes) : null,
            MaxUses = command.MaxUses,
        };
        state.State.Invites.Add(invite);
        await WriteOrRevertAsync(() => state.State.Invites.Remove(invite));
        return RoomInvites.ToInfo(RoomId, invite);
    }

    public Task<InviteInfo[]> ListInvitesAsync(string actorId)
    {
        RequireOwner(actorId);
        var now = time.GetUtcNow();
        return Task.FromResult(state.State.Invites.Where(i => RoomInvites.IsUsable(i, now)).Select(i => RoomInvites.ToInfo(RoomId, i)).ToArray());
    }

    public async Task RevokeInviteAsync(InviteCommand command)
    {
        RequireOwner(command.ActorId);
        var invite = FindInvite(command.Code) ?? throw RoomInvites.Invalid();
        var index = state.State.Invites.IndexOf(invite);
        state.State.Invites.RemoveAt(index);
        await WriteOrRevertAsync(() => state.State.Invites.Insert(index, invite));
    }

    public async Task<InviteInfo> RotateInviteAsync(InviteCommand command)
    {
        RequireOwner(command.ActorId);
        var invite = FindInvite(command.Code) ?? throw RoomInvites.Invalid();
        var oldSecret = invite.Secret;
        invite.Secret = RoomInvites.NewSecret();
        invite.Uses = 0;
        await WriteOrRevertAsync(() => invite.Secret = oldSecret);
        return RoomInvites.ToInfo(RoomId, invite);
    }

    public async Task<AcceptInviteResult> AcceptInviteAsync(InviteCommand command)
    {
        var invite = state.State.Exists ? FindInvite(command.Code) : null;
        if (invite is null || !RoomInvites.IsUsable(invite, time.GetUtcNow()))
        {
            throw RoomInvites.Invalid();
        }

        if (state.State.Banned.Contains(command.ActorId))
        {
            throw new StudyRoomsException(ErrorCodes.Banned, "you were banned from this room");
        }

        var had = state.State.Roles.TryGetValue(command.ActorId, out var previous);
        var role = RoleOf(command.ActorId);
        if (!HasPlace(command.ActorId) || invite.Role > role)
        {
            // An invite never lowers a role the user already holds.
            role = had && previous > invite.Role ? previous : invite.Role;
            state.State.Roles[command.ActorId] = role;
        }

        invite.Uses++;
        await WriteOrRevertAsync(() =>
        {
            invite.Uses--;
            if (had)
            {
                state.State.Roles[command.ActorId] = previous;
            }
            else
            {
                state.State.Roles.Remove(command.ActorId);
            }
        });
        RoomLog.InviteAccepted(logger, RoomId, command.ActorId, role.ToString());
        await PublishBoardAccessAsync();
        return new AcceptInviteResult { RoomId = RoomId, Role = RoleOf(command.ActorId), Link = RoomRules.LinkFor(RoomId) };
    }

    public async Task<HelpRequest[]> UpdateHelpQueueAsync(HelpQueueCommand command)
    {
        if (!state.State.Exists)
        {
            throw new StudyRoomsException(ErrorCodes.RoomNotFound, "no room has this id");
        }

        if (!_present.TryGetValue(command.ActorId, out var actor) || !actor.Connections.ContainsKey(command.ActorConnectionId))
        {
            throw new StudyRoomsException(ErrorCodes.NotInRoom, "join the room first");
        }

        var target = command.TargetUserId ?? command.ActorId;
        var actorRole = RoleOf(command.ActorId);
        switch (command.Action)
        {
            case HelpQueueAction.Raise:
                if (!HandBudget(command.ActorId).TryTake())
                {
                    throw new StudyRoomsException(ErrorCodes.RateLimited, "too many raised hands; wait a few seconds and try again");
                }

                _helpQueue.Raise(command.ActorId, actor.Participant.DisplayName, command.Note, time.GetUtcNow());
                break;
            case HelpQueueAction.Take when actorRole >= RoomRole.Mentor:
                _helpQueue.Take(target, command.ActorId, actor.Participant.DisplayName);
                break;
            case HelpQueueAction.Take:
                throw new StudyRoomsException(ErrorCodes.Forbidden, "only the owner and mentors may take a request");
            case HelpQueueAction.Resolve when target == command.ActorId || actorRole >= RoomRole.Mentor:
                _helpQueue.Resolve(target);
                break;
            case HelpQueueAction.Resolve:
                throw new StudyRoomsException(ErrorCodes.Forbidden, "only the owner and mentors may resolve someone else's request");
            default:
                throw new StudyRoomsException(ErrorCodes.InvalidRequest, "unknown help queue action");
        }

        await AnnounceHelpQueueAsync();
        return _helpQueue.ToArray();
    }

    /// <summary>Raising (or re-noting) a hand: bursts of 5, then one every 5 s per user (P-HAND-2), on the presence clock.</summary>
    private TokenBucket HandBudget(string userId)
    {
        if (!_handBudgets.TryGetValue(userId, out var budget))
        {
            budget = new TokenBucket(ratePerSecond: 0.2, burst: 5, PresenceClock);
            _handBudgets[userId] = budget;
        }

        return budget;
    }

    private void RequireOwner(string actorId)
    {
        if (!state.State.Exists)
        {
            throw new StudyRoomsException(ErrorCodes.RoomNotFound, "no room has this id");
        }

        if (actorId != state.State.OwnerId)
        {
            throw new StudyRoomsException(ErrorCodes.Forbidden, "only the owner manages invite links");
        }
    }

    private InviteState? FindInvite(string? code) =>
        RoomInvites.RoomIdOf(code) == RoomId
            ? state.State.Invites.FirstOrDefault(i => CryptographicEquals(i.Secret, code![22..]))
            : null;

    private static bool CryptographicEquals(string a, string b) =>
        System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.ASCII.GetBytes(a), System.Text.Encoding.ASCII.GetBytes(b));

    /// <summary>The owner, or a user the room gave a role (by invite or from the owner) (P-INV-4).</summary>
    private bool HasPlace(string userId) =>
        userId == state.State.OwnerId || state.State.Roles.ContainsKey(userId);

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
            user.Overflow = false;
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
            await DropHandAsync(target);
            await ListInDirectoryAsync();
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

    /// <summary>Mentors and the owner mute or unmute users ranked below them in the chat (P-CHAT-15).</summary>
    private async Task MuteChatAsync(ModerationCommand command, RoomRole actorRole, bool muted)
    {
        RequireModerator(actorRole);
        var target = RequireTarget(command);
        if (target == command.ActorId)
        {
            throw new StudyRoomsException(ErrorCodes.InvalidRequest, "you cannot mute yourself");
        }

        if (RoleOf(target) >= actorRole)
        {
            throw new StudyRoomsException(ErrorCodes.Forbidden, "you may only mute users with a lower role than yours");
        }

        var changed = muted ? state.State.ChatMuted.Add(target) : state.State.ChatMuted.Remove(target);
        if (changed)
        {
            await WriteOrRevertAsync(() =>
            {
                if (muted)
                {
                    state.State.ChatMuted.Remove(target);
                }
                else
                {
                    state.State.ChatMuted.Add(target);
                }
            });
            RoomLog.Moderated(logger, RoomId, command.ActorId, command.Kind.ToString(), target);
        }
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
            (EffectiveRole(user) >= RoomRole.Member ? editors : viewers).AddRange(user.Connections.Keys);
        }

        return new BoardAccess
        {
            EditorConnections = editors.ToArray(),
            ViewerConnections = viewers.ToArray(),
            ModeratorIds = [state.State.OwnerId, .. state.State.Roles.Where(r => r.Value >= RoomRole.Mentor).Select(r => r.Key)],
            ReadOnly = state.State.ReadOnly,
        };
    }

    /// <summary>
    /// Tells the board who may edit now, before the call that changed it answers (P-MOD-6), and the
    /// hosts which connections receive cursors (P-LIVE-4); every presence or role change passes here.
    /// </summary>
    private async Task PublishBoardAccessAsync()
    {
        await GrainFactory.GetGrain<IBoardGrain>(RoomId).SetAccessAsync(BoardAccess());
        var connections = _present.Values.SelectMany(user => user.Connections.Keys.Select(c => (c, RoleOf(user.Participant.UserId))));
        var (added, removed) = _cursorAudience.Update(connections, _present.Count, boardSettings.Value.CursorsToViewersMaxParticipants);
        if (added.Length > 0 || removed.Length > 0)
        {
            await AnnounceAsync(() => broadcaster.CursorAudienceChangedAsync(RoomId, added, removed));
        }
    }

    private async Task DropAsync(string userId)
    {
        _present.Remove(userId);
        RoomLog.ParticipantLeft(logger, userId, RoomId, _present.Count);
        await AnnounceAsync(() => broadcaster.ParticipantLeftAsync(new ParticipantLeft { RoomId = RoomId, UserId = userId }));
        await DropHandAsync(userId);
        await ListInDirectoryAsync();
    }

    /// <summary>A hand goes down when its user leaves the room, however they left (P-HAND-4).</summary>
    private async Task DropHandAsync(string userId)
    {
        _handBudgets.Remove(userId);
        if (_helpQueue.Drop(userId))
        {
            await AnnounceHelpQueueAsync();
        }
    }

    private Task AnnounceHelpQueueAsync() =>
        AnnounceAsync(() => broadcaster.HelpQueueChangedAsync(new HelpQueueChanged { RoomId = RoomId, Requests = _helpQueue.ToArray() }));

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

    /// <summary>Tells the directory this public room's occupancy and activity (P-DIR-1); private ones are never listed.</summary>
    private async Task ListInDirectoryAsync()
    {
        if (!state.State.IsPublic || state.State.InviteOnly)
        {
            return;
        }

        try
        {
            await GrainFactory.GetGrain<IRoomDirectoryGrain>(0).UpsertAsync(new DirectoryEntry
            {
                RoomId = RoomId,
                Name = state.State.Name,
                Topic = state.State.Topic,
                Tags = state.State.Tags.ToArray(),
                Link = RoomRules.LinkFor(RoomId),
                Occupancy = _present.Count,
                LastActiveAt = time.GetUtcNow(),
            });
        }
        catch (Exception exception)
        {
            // The directory is a view; the room works without it and reports again on the next change.
            RoomLog.BroadcastFailed(logger, exception, RoomId);
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
        InviteOnly = state.State.InviteOnly,
        OverflowAsViewers = state.State.OverflowAsViewers,
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

    /// <summary>The role a present user acts with: an overflow seat is a viewer's (P-ROOM-5).</summary>
    private RoomRole EffectiveRole(PresentUser user) =>
        user.Overflow ? RoomRole.Viewer : RoleOf(user.Participant.UserId);

    private sealed class PresentUser(Participant participant)
    {
        public Participant Participant { get; set; } = participant;

        /// <summary>Entered a full room as a viewer (P-ROOM-5), until they leave or the owner sets a role.</summary>
        public bool Overflow { get; set; }

        /// <summary>Connection id → when it was last vouched for (P-PRES-2).</summary>
        public Dictionary<string, DateTimeOffset> Connections { get; } = new(StringComparer.Ordinal);
    }
}
