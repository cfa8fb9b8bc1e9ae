using Microsoft.Extensions.Logging;
using StudyRooms.Contracts.Boards;
using StudyRooms.Contracts.Protocol;
using StudyRooms.Contracts.Rooms;
using StudyRooms.Grains.Broadcasting;
using StudyRooms.Grains.Storage;

namespace StudyRooms.Grains.Rooms;

/// <summary>
/// One study room: settings in persisted state, presence in memory only. A user with several
/// connections is one participant (P-JOIN-2); joins and leaves are announced once (P-PRES-1).
/// </summary>
public sealed class RoomGrain(
    [PersistentState("room", StorageNames.Rooms)] IPersistentState<RoomState> state,
    IRoomBroadcaster broadcaster,
    TimeProvider time,
    ILogger<RoomGrain> logger) : Grain, IRoomGrain
{
    private readonly Dictionary<string, PresentUser> _present = new(StringComparer.Ordinal);
    private IGrainTimer? _keepAlive;

    private string RoomId => this.GetPrimaryKeyString();

    public async Task<RoomSnapshot> CreateAsync(CreateRoomCommand command)
    {
        if (state.State.Exists)
        {
            throw new StudyRoomsException(ErrorCodes.RoomExists, "a room with this id exists");
        }

        var (name, nameError) = RoomRules.CleanText(command.Name, "name", 1, RoomRules.MaxRoomNameLength);
        var (topic, topicError) = RoomRules.CleanText(command.Topic, "topic", 0, RoomRules.MaxTopicLength);
        if ((nameError ?? topicError) is { } error)
        {
            throw new StudyRoomsException(ErrorCodes.InvalidRoom, error);
        }

        state.State.Exists = true;
        state.State.Name = name!;
        state.State.Topic = topic!;
        state.State.OwnerId = command.OwnerId;
        state.State.CreatedAt = time.GetUtcNow();
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

        var board = await GrainFactory.GetGrain<IBoardGrain>(RoomId).CatchUpAsync(command.KnownClock);
        if (!_present.TryGetValue(command.UserId, out var user))
        {
            user = new PresentUser(new Participant
            {
                UserId = command.UserId,
                DisplayName = command.DisplayName,
                Color = ParticipantColors.For(command.UserId),
            });
            _present[command.UserId] = user;
            RoomLog.ParticipantJoined(logger, command.UserId, RoomId, _present.Count);
            await AnnounceAsync(() => broadcaster.ParticipantJoinedAsync(new ParticipantJoined { RoomId = RoomId, Participant = user.Participant }));
        }

        user.Connections.Add(command.ConnectionId);
        KeepAliveWhilePresent();
        return new JoinRoomResult
        {
            Room = Snapshot(),
            Self = user.Participant,
            Participants = _present.Values.Select(p => p.Participant).ToArray(),
            Board = board.Board,
            Resume = board.Resume,
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
            _present.Remove(command.UserId);
            RoomLog.ParticipantLeft(logger, command.UserId, RoomId, _present.Count);
            await AnnounceAsync(() => broadcaster.ParticipantLeftAsync(new ParticipantLeft { RoomId = RoomId, UserId = command.UserId }));
        }

        KeepAliveWhilePresent();
    }

    private RoomSnapshot Snapshot() => new()
    {
        RoomId = RoomId,
        Name = state.State.Name,
        Topic = state.State.Topic,
        CreatedAt = state.State.CreatedAt,
        Link = RoomRules.LinkFor(RoomId),
    };

    /// <summary>Presence lives only in this activation, so it must not be collected while anyone is here.</summary>
    private void KeepAliveWhilePresent()
    {
        if (_present.Count > 0 && _keepAlive is null)
        {
            _keepAlive = this.RegisterGrainTimer(
                static _ => Task.CompletedTask,
                new GrainTimerCreationOptions(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1)) { KeepAlive = true });
        }
        else if (_present.Count == 0 && _keepAlive is not null)
        {
            _keepAlive.Dispose();
            _keepAlive = null;
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

    private sealed record PresentUser(Participant Participant)
    {
        public HashSet<string> Connections { get; } = new(StringComparer.Ordinal);
    }
}
