using System.Diagnostics;
using Microsoft.AspNetCore.SignalR;
using StudyRooms.Contracts.Boards;
using StudyRooms.Contracts.Chat;
using StudyRooms.Contracts.Help;
using StudyRooms.Contracts.Rooms;
using StudyRooms.Contracts.Sprints;
using StudyRooms.Grains.Broadcasting;
using StudyRooms.Server.Observability;
using StudyRooms.Contracts.Resources;

namespace StudyRooms.Server.Hubs;

/// <summary>
/// Grains' way out to browsers: SignalR groups, which with the Redis backplane reach connections
/// on every server of the cluster.
/// </summary>
public sealed class SignalRRoomBroadcaster(
    IHubContext<RoomHub, IRoomClient> hub,
    HostedConnections hosted,
    ConnectionEviction eviction,
    StudyRoomsMetrics metrics,
    OpsAppliedBatcher batcher,
    HubLifetimeManager<RoomHub> connections) : IRoomBroadcaster
{
    // Redis mode: the backplane, and a way past it to this server's own connections (P-OPS-9).
    private readonly RedisRoomHubLifetimeManager? _redis = connections as RedisRoomHubLifetimeManager;

    public Task ParticipantJoinedAsync(ParticipantJoined e) =>
        hub.Clients.Group(RoomGroups.For(e.RoomId)).ParticipantJoined(e);

    public Task ParticipantLeftAsync(ParticipantLeft e) =>
        hub.Clients.Group(RoomGroups.For(e.RoomId)).ParticipantLeft(e);

    public async Task<bool> OpsAppliedAsync(OpsApplied e, string exceptConnectionId, string[]? roomServers)
    {
        if (batcher.ShouldBatch(e.RoomId))
        {
            batcher.Enqueue(e, exceptConnectionId);
            return SentToGroup();
        }

        if (_redis is not null && roomServers is [var only] && only == hosted.ServerName)
        {
            // Every connection of the room is on this server: write to them here, as the embedded
            // server does, instead of publishing to Redis and reading it back (P-OPS-9).
            await TimedAsync(nameof(IRoomClient.OpsApplied), () => _redis.SendHereAsync(hosted.ConnectionsIn(e.RoomId), exceptConnectionId, nameof(IRoomClient.OpsApplied), e));
            metrics.OpsFannedOut(FanOutRoute.ThisServer);
            return false;
        }

        await TimedAsync(nameof(IRoomClient.OpsApplied), () => hub.Clients.GroupExcept(RoomGroups.For(e.RoomId), exceptConnectionId).OpsApplied(e));
        return SentToGroup();
    }

    /// <summary>Counts an event sent to the room's group; answers whether that went through the backplane.</summary>
    private bool SentToGroup()
    {
        metrics.OpsFannedOut(_redis is null ? FanOutRoute.InProcess : FanOutRoute.Backplane);
        return _redis is not null;
    }

    public Task RoleChangedAsync(RoleChanged e) =>
        hub.Clients.Group(RoomGroups.For(e.RoomId)).RoleChanged(e);

    public async Task ParticipantRemovedAsync(ParticipantRemoved e, string[] connectionIds)
    {
        var group = RoomGroups.For(e.RoomId);
        await hub.Clients.GroupExcept(group, connectionIds).ParticipantRemoved(e);
        foreach (var connectionId in connectionIds)
        {
            // With the Redis backplane this reaches connections held by other servers too.
            await hub.Groups.RemoveFromGroupAsync(connectionId, group);
        }

        // The removed connections get the event right before their server closes them (P-MOD-8);
        // that server also takes them off its list of the room's connections (HostedConnections).
        await eviction.EvictAsync(e, connectionIds);
    }

    public async Task RoomDeletedAsync(RoomDeleted e, string[] connectionIds)
    {
        // Addressed to the connections, not the group: with the Redis backplane a group send is
        // delivered after the group removals below, to nobody.
        var group = RoomGroups.For(e.RoomId);
        await hub.Clients.Clients(connectionIds).RoomDeleted(e);
        hosted.MarkDeleted(e.RoomId);
        foreach (var connectionId in connectionIds)
        {
            await hub.Groups.RemoveFromGroupAsync(connectionId, group);
            await hub.Groups.RemoveFromGroupAsync(connectionId, RoomGroups.Cursors(e.RoomId));
            hosted.Remove(e.RoomId, connectionId);
        }
    }

    public Task RoomUpdatedAsync(RoomUpdated e) =>
        hub.Clients.Group(RoomGroups.For(e.RoomId)).RoomUpdated(e);

    /// <summary>Addressed to the moderators' connections: others must not learn the ban list (P-MOD-10).</summary>
    public Task BanLiftedAsync(BanLifted e, string[] connectionIds) =>
        connectionIds.Length == 0 ? Task.CompletedTask : hub.Clients.Clients(connectionIds).BanLifted(e);

    /// <summary>Addressed to the moderators' connections, as <see cref="BanLiftedAsync"/> (P-MOD-11).</summary>
    public Task BanPlacedAsync(BanPlaced e, string[] connectionIds) =>
        connectionIds.Length == 0 ? Task.CompletedTask : hub.Clients.Clients(connectionIds).BanPlaced(e);

    public Task UserErasedAsync(UserErased e) =>
        hub.Clients.Group(RoomGroups.For(e.RoomId)).UserErased(e);

    public Task HelpQueueChangedAsync(HelpQueueChanged e) =>
        hub.Clients.Group(RoomGroups.For(e.RoomId)).HelpQueueChanged(e);

    public Task PresenceStatusChangedAsync(PresenceStatusChanged e) =>
        hub.Clients.Group(RoomGroups.For(e.RoomId)).PresenceStatusChanged(e);

    public Task MessagePostedAsync(MessagePosted e, string exceptConnectionId) =>
        TimedAsync(nameof(IRoomClient.MessagePosted), () => hub.Clients.GroupExcept(RoomGroups.For(e.RoomId), exceptConnectionId).MessagePosted(e));

    public Task MessageEditedAsync(MessageEdited e, string exceptConnectionId) =>
        hub.Clients.GroupExcept(RoomGroups.For(e.RoomId), exceptConnectionId).MessageEdited(e);

    public Task MessageDeletedAsync(MessageDeleted e, string exceptConnectionId) =>
        hub.Clients.GroupExcept(RoomGroups.For(e.RoomId), exceptConnectionId).MessageDeleted(e);

    public Task ReactionsChangedAsync(ReactionsChanged e, string exceptConnectionId) =>
        hub.Clients.GroupExcept(RoomGroups.For(e.RoomId), exceptConnectionId).ReactionsChanged(e);

    public async Task CursorAudienceChangedAsync(string roomId, string[] added, string[] removed)
    {
        var group = RoomGroups.Cursors(roomId);
        foreach (var connectionId in added)
        {
            // With the Redis backplane this reaches connections held by other servers too.
            await hub.Groups.AddToGroupAsync(connectionId, group);
        }

        foreach (var connectionId in removed)
        {
            await hub.Groups.RemoveFromGroupAsync(connectionId, group);
        }
    }

    public Task SprintUpdatedAsync(SprintUpdated e) =>
        TimedAsync(nameof(IRoomClient.SprintUpdated), () => hub.Clients.Group(RoomGroups.For(e.RoomId)).SprintUpdated(e));

    public Task SprintCheckInPromptedAsync(SprintCheckInPrompted e) =>
        hub.Clients.Group(RoomGroups.For(e.RoomId)).SprintCheckInPrompted(e);

    public Task SprintRecapsUpdatedAsync(SprintRecapsUpdated e) =>
        hub.Clients.Group(RoomGroups.For(e.RoomId)).SprintRecapsUpdated(e);

    public Task ResourceAddedAsync(ResourceAdded e) =>
        hub.Clients.Group(RoomGroups.For(e.RoomId)).ResourceAdded(e);

    public Task ResourcesRemovedAsync(ResourcesRemoved e) =>
        hub.Clients.Group(RoomGroups.For(e.RoomId)).ResourcesRemoved(e);

    /// <summary>Board edits, chat messages and sprint changes are timed: the events people wait for.</summary>
    private async Task TimedAsync(string eventName, Func<Task> send)
    {
        var started = Stopwatch.GetTimestamp();
        await send();
        metrics.Broadcast(eventName, Stopwatch.GetElapsedTime(started));
    }
}
