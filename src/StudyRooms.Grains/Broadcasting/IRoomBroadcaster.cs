using StudyRooms.Contracts.Boards;
using StudyRooms.Contracts.Chat;
using StudyRooms.Contracts.Help;
using StudyRooms.Contracts.Rooms;
using StudyRooms.Contracts.Sprints;
using StudyRooms.Contracts.Resources;

namespace StudyRooms.Grains.Broadcasting;

/// <summary>
/// How grains reach the browsers of a room. The host implements it over SignalR groups (with the
/// Redis backplane in cluster mode), so grains never see ASP.NET Core.
/// </summary>
public interface IRoomBroadcaster
{
    Task ParticipantJoinedAsync(ParticipantJoined e);

    Task ParticipantLeftAsync(ParticipantLeft e);

    /// <summary>
    /// Sends to every connection of the room except <paramref name="exceptConnectionId"/>, in the
    /// order of the calls (P-OPS-7). <paramref name="roomServers"/> names the servers that hold the
    /// room's connections (<see cref="BoardAccess.Servers"/>), or is null to send through the Redis
    /// backplane whatever they are. Answers whether the event went through the backplane: once one
    /// did, the caller passes null from then on (P-OPS-9).
    /// </summary>
    Task<bool> OpsAppliedAsync(OpsApplied e, string exceptConnectionId, string[]? roomServers);

    Task RoleChangedAsync(RoleChanged e);

    /// <summary>
    /// Tells the room (the removed user's connections included) and then takes
    /// <paramref name="connectionIds"/> out of the room's group (P-MOD-1).
    /// </summary>
    Task ParticipantRemovedAsync(ParticipantRemoved e, string[] connectionIds);

    Task RoomUpdatedAsync(RoomUpdated e);

    /// <summary>Sends to <paramref name="connectionIds"/> only: the room's moderators (P-MOD-10).</summary>
    Task BanLiftedAsync(BanLifted e, string[] connectionIds);

    /// <summary>Sends to <paramref name="connectionIds"/> only: the room's moderators (P-MOD-11).</summary>
    Task BanPlacedAsync(BanPlaced e, string[] connectionIds);

    /// <summary>Sends to every connection of the room (P-ACCT-5).</summary>
    Task UserErasedAsync(UserErased e);

    /// <summary>
    /// Tells the room's connections it was deleted, then takes <paramref name="connectionIds"/> out of
    /// the room's groups (P-LIFE-4).
    /// </summary>
    Task RoomDeletedAsync(RoomDeleted e, string[] connectionIds);

    Task HelpQueueChangedAsync(HelpQueueChanged e);

    Task PresenceStatusChangedAsync(PresenceStatusChanged e);

    /// <summary>Chat events go to every connection of the room except the caller's (P-CHAT-3).</summary>
    Task MessagePostedAsync(MessagePosted e, string exceptConnectionId);

    Task MessageEditedAsync(MessageEdited e, string exceptConnectionId);

    Task MessageDeletedAsync(MessageDeleted e, string exceptConnectionId);

    Task ReactionsChangedAsync(ReactionsChanged e, string exceptConnectionId);

    /// <summary>
    /// Adds connections to and removes them from the room's cursor audience, the group the hub
    /// relays <c>CursorMoved</c> to (P-LIVE-4).
    /// </summary>
    Task CursorAudienceChangedAsync(string roomId, string[] added, string[] removed);

    Task SprintUpdatedAsync(SprintUpdated e);

    Task SprintCheckInPromptedAsync(SprintCheckInPrompted e);

    Task SprintRecapsUpdatedAsync(SprintRecapsUpdated e);

    /// <summary>Shelf events go to every connection of the room, the caller's too (P-RES-8).</summary>
    Task ResourceAddedAsync(ResourceAdded e);

    Task ResourcesRemovedAsync(ResourcesRemoved e);
}
