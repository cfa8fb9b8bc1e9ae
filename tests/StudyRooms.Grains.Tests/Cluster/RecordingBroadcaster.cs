using System.Collections.Concurrent;
using StudyRooms.Contracts.Boards;
using StudyRooms.Contracts.Chat;
using StudyRooms.Contracts.Help;
using StudyRooms.Contracts.Rooms;
using StudyRooms.Contracts.Sprints;
using StudyRooms.Grains.Broadcasting;
using StudyRooms.Grains.Tests.Support;
using StudyRooms.Contracts.Resources;

namespace StudyRooms.Grains.Tests.Cluster;

/// <summary>
/// Stands in for the SignalR adapter at the grain boundary: records every event the grains send, in
/// order, so tests can read what each room's connections would have received.
/// </summary>
public sealed class RecordingBroadcaster : IRoomBroadcaster
{
    private readonly ConcurrentQueue<RecordedEvent> _events = new();
    private readonly ConcurrentQueue<(string RoomId, string ConnectionId)> _removedFromGroup = new();
    private readonly ConcurrentQueue<(string RoomId, string[] Added, string[] Removed)> _cursorAudience = new();

    private readonly ConcurrentDictionary<string, Func<Task>> _onJoined = new(StringComparer.Ordinal);

    /// <summary>
    /// The server this broadcaster stands for, as a Redis-mode server would: an op whose room the
    /// board says is held by this server alone is answered as not published (P-OPS-9).
    /// </summary>
    public const string ThisServer = "this-server";

    /// <summary>Runs <paramref name="action"/> when the room announces its next new participant, inside the room's join.</summary>
    public void OnNextJoin(string roomId, Func<Task> action) => _onJoined[roomId] = action;

    public async Task ParticipantJoinedAsync(ParticipantJoined e)
    {
        _events.Enqueue(new RecordedEvent(e.RoomId, e, ExceptConnectionId: null));
        if (_onJoined.TryRemove(e.RoomId, out var action))
        {
            await action();
        }
    }

    public Task ParticipantLeftAsync(ParticipantLeft e)
    {
        _events.Enqueue(new RecordedEvent(e.RoomId, e, ExceptConnectionId: null));
        return Task.CompletedTask;
    }

    public Task<bool> OpsAppliedAsync(OpsApplied e, string exceptConnectionId, string[]? roomServers)
    {
        _events.Enqueue(new RecordedEvent(e.RoomId, e, exceptConnectionId, roomServers));
        return Task.FromResult(roomServers is not [ThisServer]);
    }

    public Task RoleChangedAsync(RoleChanged e)
    {
        _events.Enqueue(new RecordedEvent(e.RoomId, e, ExceptConnectionId: null));
        return Task.CompletedTask;
    }

    public Task ParticipantRemovedAsync(ParticipantRemoved e, string[] connectionIds)
    {
        _events.Enqueue(new RecordedEvent(e.RoomId, e, ExceptConnectionId: null));
        foreach (var connectionId in connectionIds)
        {
            _removedFromGroup.Enqueue((e.RoomId, connectionId));
        }

        return Task.CompletedTask;
    }

    public Task BanLiftedAsync(BanLifted e, string[] connectionIds)
    {
        _events.Enqueue(new RecordedEvent(e.RoomId, e, ExceptConnectionId: null));
        return Task.CompletedTask;
    }

    public Task BanPlacedAsync(BanPlaced e, string[] connectionIds)
    {
        _events.Enqueue(new RecordedEvent(e.RoomId, e, ExceptConnectionId: null));
        return Task.CompletedTask;
    }

    public Task UserErasedAsync(UserErased e)
    {
        _events.Enqueue(new RecordedEvent(e.RoomId, e, ExceptConnectionId: null));
        return Task.CompletedTask;
    }

    public Task RoomDeletedAsync(RoomDeleted e, string[] connectionIds)
    {
        _events.Enqueue(new RecordedEvent(e.RoomId, e, ExceptConnectionId: null));
        foreach (var connectionId in connectionIds)
        {
            _removedFromGroup.Enqueue((e.RoomId, connectionId));
        }

        return Task.CompletedTask;
    }

    public Task RoomUpdatedAsync(RoomUpdated e)
    {
        _events.Enqueue(new RecordedEvent(e.RoomId, e, ExceptConnectionId: null));
        return Task.CompletedTask;
    }

    public Task HelpQueueChangedAsync(HelpQueueChanged e)
    {
        _events.Enqueue(new RecordedEvent(e.RoomId, e, ExceptConnectionId: null));
        return Task.CompletedTask;
    }

    public Task PresenceStatusChangedAsync(PresenceStatusChanged e) => Record(e.RoomId, e, exceptConnectionId: null);

    public Task SprintUpdatedAsync(SprintUpdated e)
    {
        _events.Enqueue(new RecordedEvent(e.RoomId, e, ExceptConnectionId: null));
        return Task.CompletedTask;
    }

    public Task MessagePostedAsync(MessagePosted e, string exceptConnectionId) => Record(e.RoomId, e, exceptConnectionId);

    public Task MessageEditedAsync(MessageEdited e, string exceptConnectionId) => Record(e.RoomId, e, exceptConnectionId);

    public Task MessageDeletedAsync(MessageDeleted e, string exceptConnectionId) => Record(e.RoomId, e, exceptConnectionId);

    public Task ReactionsChangedAsync(ReactionsChanged e, string exceptConnectionId) => Record(e.RoomId, e, exceptConnectionId);

    public Task CursorAudienceChangedAsync(string roomId, string[] added, string[] removed)
    {
        _cursorAudience.Enqueue((roomId, added, removed));
        return Task.CompletedTask;
    }

    /// <summary>Connections in a room's cursor audience after every change a grain asked for (P-LIVE-4).</summary>
    public IReadOnlySet<string> CursorAudience(string roomId)
    {
        var audience = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (room, added, removed) in _cursorAudience.Where(c => c.RoomId == roomId))
        {
            audience.UnionWith(added);
            audience.ExceptWith(removed);
        }

        return audience;
    }

    public Task SprintCheckInPromptedAsync(SprintCheckInPrompted e)
    {
        _events.Enqueue(new RecordedEvent(e.RoomId, e, ExceptConnectionId: null));
        return Task.CompletedTask;
    }

    public Task SprintRecapsUpdatedAsync(SprintRecapsUpdated e)
    {
        _events.Enqueue(new RecordedEvent(e.RoomId, e, ExceptConnectionId: null));
        return Task.CompletedTask;
    }

    /// <summary>Connections a grain asked to take out of a room's group, in order (P-MOD-1).</summary>
    public IReadOnlyList<string> RemovedFromGroup(string roomId) =>
        _removedFromGroup.Where(r => r.RoomId == roomId).Select(r => r.ConnectionId).ToList();

    /// <summary>The events of one room so far, oldest first.</summary>
    public IReadOnlyList<RecordedEvent> For(string roomId) =>
        _events.Where(e => e.RoomId == roomId).ToList();

    public IReadOnlyList<T> For<T>(string roomId) =>
        For(roomId).Select(e => e.Event).OfType<T>().ToList();

    /// <summary>Waits until the room has recorded at least <paramref name="count"/> events of type <typeparamref name="T"/>.</summary>
    public Task<IReadOnlyList<T>> WaitForAsync<T>(string roomId, int count = 1) =>
        Poll.UntilAsync(
            () => For<T>(roomId) is { } events && events.Count >= count ? events : null,
            $"{count} {typeof(T).Name} event(s) in room {roomId}");

    private Task Record(string roomId, object e, string? exceptConnectionId)
    {
        _events.Enqueue(new RecordedEvent(roomId, e, exceptConnectionId));
        return Task.CompletedTask;
    }

    public Task ResourceAddedAsync(ResourceAdded e) => Record(e.RoomId, e, exceptConnectionId: null);

    public Task ResourcesRemovedAsync(ResourcesRemoved e) => Record(e.RoomId, e, exceptConnectionId: null);
}
