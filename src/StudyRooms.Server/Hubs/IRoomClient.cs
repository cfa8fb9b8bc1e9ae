using StudyRooms.Contracts.Boards;
using StudyRooms.Contracts.Chat;
using StudyRooms.Contracts.Help;
using StudyRooms.Contracts.Rooms;
using StudyRooms.Contracts.Sprints;
using StudyRooms.Contracts.Resources;

namespace StudyRooms.Server.Hubs;

/// <summary>Callbacks the server makes on a room client; one event object each (P-VER-1).</summary>
public interface IRoomClient
{
    Task ParticipantJoined(ParticipantJoined e);

    Task ParticipantLeft(ParticipantLeft e);

    Task OpsApplied(OpsApplied e);

    Task OpsAppliedBatch(OpsAppliedBatch e);

    Task StrokeProgressed(StrokeProgressed e);

    Task CursorMoved(CursorMoved e);

    /// <summary>Several users' latest cursors of one frame, to the whole cursor audience (P-LIVE-5).</summary>
    Task CursorsMoved(CursorsMoved e);

    Task RoleChanged(RoleChanged e);

    Task ParticipantRemoved(ParticipantRemoved e);

    Task RoomUpdated(RoomUpdated e);

    /// <summary>The owner deleted the room; the connection is out of it (P-LIFE-4).</summary>
    Task RoomDeleted(RoomDeleted e);

    /// <summary>A ban was lifted; moderators' connections only (P-MOD-10).</summary>
    Task BanLifted(BanLifted e);

    /// <summary>A ban was placed; moderators' connections only (P-MOD-11).</summary>
    Task BanPlaced(BanPlaced e);

    /// <summary>A deleted user's name is gone from the room (P-ACCT-5).</summary>
    Task UserErased(UserErased e);

    Task HelpQueueChanged(HelpQueueChanged e);

    Task PresenceStatusChanged(PresenceStatusChanged e);

    Task MessagePosted(MessagePosted e);

    Task MessageEdited(MessageEdited e);

    Task MessageDeleted(MessageDeleted e);

    Task ReactionsChanged(ReactionsChanged e);

    Task TypingChanged(TypingChanged e);

    Task SprintUpdated(SprintUpdated e);

    Task SprintCheckInPrompted(SprintCheckInPrompted e);

    Task SprintRecapsUpdated(SprintRecapsUpdated e);

    Task ResourceAdded(ResourceAdded e);

    Task ResourcesRemoved(ResourcesRemoved e);
}
