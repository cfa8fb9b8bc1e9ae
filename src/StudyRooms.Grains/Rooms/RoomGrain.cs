using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StudyRooms.Contracts.Boards;
using StudyRooms.Contracts.Discovery;
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
public sealed partial class RoomGrain(
    [PersistentState("room", StorageNames.Rooms)] IPersistentState<RoomState> state,
    IRoomBroadcaster broadcaster,
    TimeProvider time,
    IOptions<RoomPresenceOptions> presenceOptions,
    IOptions<BoardSettings> boardSettings,
    IServiceProvider services,
    ILogger<RoomGrain> logger) : Grain, IRoomGrain
{
    private readonly Dictionary<string, PresentUser> _present = new(StringComparer.Ordinal);

    private readonly CursorAudience _cursorAudience = new();

    private readonly RoomPresenceOptions _presence = presenceOptions.Value;

    private readonly HelpQueue _helpQueue = new();

    private readonly Dictionary<string, TokenBucket> _handBudgets = new(StringComparer.Ordinal);

    // The servers that held connections of the room in this activation (BoardAccess.Servers, P-OPS-9).
    // Never shrinks: a server that still holds a connection must never be left out, and a stale name
    // only makes the board go through the backplane.
    private readonly HashSet<string> _servers = new(StringComparer.Ordinal);

    private IGrainTimer? _sweep;

    private string RoomId => field ??= this.GetPrimaryKeyString(); // decoded from the grain id once, not on every use

    private TimeProvider PresenceClock => _presence.Clock;

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // In embedded mode presence lives only in this activation; in Redis mode the next activation
        // seats the users of the live heartbeat entries again (RestorePresenceAsync).
        RoomLog.Deactivated(logger, RoomId, _present.Count, reason.ToString());
        return base.OnDeactivateAsync(reason, cancellationToken);
    }

    public async Task<RoomSnapshot> CreateAsync(CreateRoomCommand command)
    {
        if (state.State.Exists || state.State.Deleting)
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

        await NoteUserAsync(command.OwnerId);
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
        RememberVisit(command.OwnerId);
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

        await NoteUserAsync(command.UserId);
        var boardGrain = GrainFactory.GetGrain<IBoardGrain>(RoomId);
        if (_servers.Add(command.Server ?? UnnamedServer))
        {
            // Before the snapshot: every op after it must reach the new server too (P-OPS-9).
            await boardGrain.SetAccessAsync(BoardAccess());
        }

        var board = await boardGrain.CatchUpAsync(command.KnownClock);
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
            RememberVisit(command.UserId);
        }

        user.Connections[command.ConnectionId] = PresenceClock.GetUtcNow();
        await RecordPresenceAsync(user, command.ConnectionId, command.Server);
        await AnnounceStatusIfChangedAsync(user);
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
            if (!state.State.Exists && !state.State.Deleting)
            {
                // A late leave from a deleted room's connection: leave no activation of it behind.
                DeactivateOnIdle();
            }

            return;
        }

        if (user.Connections.Count == 0)
        {
            await DropAsync(command.UserId);
        }

        await ForgetConnectionStatusAsync(command.UserId, [command.ConnectionId]);
        await ForgetPresenceRecordsAsync([command.ConnectionId]);
        await PublishBoardAccessAsync();
        SweepWhilePresent();
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
            Archived = state.State.Archived,
        });

    public Task<RoomRole?> GetRoleForAsync(string userId) =>
        Task.FromResult<RoomRole?>(
            !state.State.Exists || state.State.Banned.Contains(userId) || (state.State.InviteOnly && !HasPlace(userId)) ? null : RoleOf(userId));

    /// <summary>The owner, or a user the room gave a role (by invite or from the owner) (P-INV-4).</summary>
    private bool HasPlace(string userId) =>
        userId == state.State.OwnerId || state.State.Roles.ContainsKey(userId);

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
            Archived = state.State.Archived,
            Servers = [.. _servers],
        };
    }

    /// <summary>Stands for a connection whose server was not named: it never equals a board's own server.</summary>
    private const string UnnamedServer = "";

    /// <summary>
    /// Tells the board who may edit now, before the call that changed it answers (P-MOD-6), and the
    /// hosts which connections receive cursors (P-LIVE-4); every presence or role change passes here.
    /// </summary>
    private async Task PublishBoardAccessAsync()
    {
        await GrainFactory.GetGrain<IBoardGrain>(RoomId).SetAccessAsync(BoardAccess());
        // The seat's role, not the stored one: a lecture's overflow viewers are members by role (P-ROOM-5).
        var connections = _present.Values.SelectMany(user => user.Connections.Keys.Select(c => (c, EffectiveRole(user))));
        var (added, removed) = _cursorAudience.Update(connections, _present.Count, boardSettings.Value.CursorsToViewersMaxParticipants);
        if (added.Length > 0 || removed.Length > 0)
        {
            await AnnounceAsync(() => broadcaster.CursorAudienceChangedAsync(RoomId, added, removed));
        }
    }

    /// <summary>Tells the directory this public room's occupancy and activity (P-DIR-1); private ones are never listed.</summary>
    private async Task ListInDirectoryAsync()
    {
        if (!state.State.IsPublic || state.State.InviteOnly || state.State.Archived || !state.State.Exists)
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
        Archived = state.State.Archived,
    };

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
