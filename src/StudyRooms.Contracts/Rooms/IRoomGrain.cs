using Orleans.Concurrency;
using StudyRooms.Contracts.Help;
using StudyRooms.Contracts.Invites;
using StudyRooms.Contracts.Lobby;

namespace StudyRooms.Contracts.Rooms;

/// <summary>
/// One study room: its settings, roles and bans (persisted) and who is in it now (presence, never
/// persisted). Key: the room id, 22 url-safe characters (P-ROOM-1).
/// </summary>
[Alias("StudyRooms.IRoomGrain")]
public interface IRoomGrain : IGrainWithStringKey
{
    /// <summary>Creates the room; fails with ROOM_EXISTS if it already exists.</summary>
    [Alias("Create")]
    Task<RoomSnapshot> CreateAsync(CreateRoomCommand command);

    /// <summary>The room, or null when no room has this id.</summary>
    [Alias("Get")]
    Task<RoomSnapshot?> GetAsync();

    /// <summary>The room as <paramref name="userId"/> may see it: null when it does not exist, or is
    /// invite-only and the user has no place in it (P-INV-4).</summary>
    [Alias("GetFor")]
    Task<RoomSnapshot?> GetForAsync(string userId);

    [Alias("Join")]
    Task<JoinRoomResult> JoinAsync(JoinRoomCommand command);

    [Alias("Leave")]
    Task LeaveAsync(LeaveRoomCommand command);

    /// <summary>Role changes, removals, bans and the read-only switch (docs/permissions.md).</summary>
    [Alias("Moderate")]
    Task ModerateAsync(ModerationCommand command);

    /// <summary>
    /// Who may edit the board now; null when no room has this id. Interleaves, because the board asks
    /// while the room may itself be waiting on the board (a join takes the board's snapshot).
    /// </summary>
    [Alias("GetBoardAccess"), AlwaysInterleave]
    Task<BoardAccess?> GetBoardAccessAsync();

    /// <summary>
    /// The user's role for calls without a connection (the HTTP board API); null when the room does not
    /// exist, is invite-only and gives the user no place (P-INV-4), or banned the user (P-MOD-2).
    /// </summary>
    [Alias("GetRoleFor")]
    Task<RoomRole?> GetRoleForAsync(string userId);

    /// <summary>
    /// The room's banned users, newest ban first; only mentors and the owner, from a connection in the
    /// room (P-MOD-9). Only reads, so it interleaves.
    /// </summary>
    [Alias("ListBans"), AlwaysInterleave]
    Task<BannedUser[]> ListBansAsync(string actorId, string actorConnectionId);

    /// <summary>Marks connections as still open; connections not refreshed expire (P-PRES-2).</summary>
    [Alias("RefreshPresence")]
    Task RefreshPresenceAsync(RefreshPresenceCommand command);

    /// <summary>A new invite link; only the owner (P-INV-1).</summary>
    [Alias("CreateInvite")]
    Task<InviteInfo> CreateInviteAsync(CreateInviteCommand command);

    /// <summary>The room's usable invite links; only the owner (P-INV-1).</summary>
    [Alias("ListInvites")]
    Task<InviteInfo[]> ListInvitesAsync(string actorId);

    /// <summary>Revokes an invite at once; only the owner (P-INV-3).</summary>
    [Alias("RevokeInvite")]
    Task RevokeInviteAsync(InviteCommand command);

    /// <summary>Revokes an invite and answers a new one with the same settings; only the owner (P-INV-3).</summary>
    [Alias("RotateInvite")]
    Task<InviteInfo> RotateInviteAsync(InviteCommand command);

    /// <summary>Gives the caller the invite's role in the room (P-INV-2).</summary>
    [Alias("AcceptInvite")]
    Task<AcceptInviteResult> AcceptInviteAsync(InviteCommand command);

    /// <summary>Records one connection's presence status; announces the user's when it changes (P-STATUS-1..3).</summary>
    [Alias("SetPresenceStatus")]
    Task SetPresenceStatusAsync(PresenceStatusCommand command);

    /// <summary>Raises, takes or resolves a hand in the help queue; answers the queue (P-HAND-2).</summary>
    [Alias("UpdateHelpQueue")]
    Task<HelpRequest[]> UpdateHelpQueueAsync(HelpQueueCommand command);

    /// <summary>
    /// The connection's place in the room for the chat grain (docs/permissions.md). Interleaves like
    /// <see cref="GetBoardAccessAsync"/>: it only reads.
    /// </summary>
    [Alias("GetChatAccess"), AlwaysInterleave]
    Task<ChatAccess> GetChatAccessAsync(string userId, string connectionId);

    /// <summary>
    /// The caller's place in the room for the resource shelf (docs/permissions.md); a null connection
    /// id asks for an HTTP caller (P-RES-5). Interleaves like <see cref="GetChatAccessAsync"/>: it only reads.
    /// </summary>
    [Alias("GetResourceAccess"), AlwaysInterleave]
    Task<ResourceAccess> GetResourceAccessAsync(string userId, string? connectionId);

    /// <summary>The room as the lobby lists it for <paramref name="userId"/>: null when it does not
    /// exist, the user is banned, or it is invite-only and the user has no place in it (P-LOBBY-1).</summary>
    [Alias("GetSummaryFor")]
    Task<RoomSummary?> GetSummaryForAsync(string userId);

    /// <summary>
    /// Archives or restores the room; only the owner (P-LIFE-1). An archived room leaves the directory
    /// and refuses every write with ROOM_ARCHIVED (P-LIFE-2); answers the room as it is now.
    /// </summary>
    [Alias("SetArchived")]
    Task<RoomSnapshot> SetArchivedAsync(SetArchivedCommand command);

    /// <summary>
    /// Deletes the room; only the owner, with the room's name (P-LIFE-3). Everyone in it gets
    /// RoomDeleted, then every part of the room's data is erased (P-LIFE-4). A deletion that failed
    /// part way is finished by calling again (or by the room itself, on its next activation).
    /// </summary>
    [Alias("Delete")]
    Task DeleteAsync(DeleteRoomCommand command);

    /// <summary>
    /// Drops a deleted user from the room (P-ACCT-4): their role, ban, mute, presence, raised hand and
    /// status. A room they own is deleted as its owner would (P-LIFE-4): nobody could own it any more.
    /// A room being deleted finishes its erasure. Idempotent; server-side only.
    /// </summary>
    [Alias("ForgetUser")]
    Task ForgetUserAsync(string userId);

    /// <summary>
    /// Tells the room's open pages that a deleted user's name is gone from every part of the room
    /// (P-ACCT-5), the last step of the user's erasure here. Nothing in a room that does not exist.
    /// </summary>
    [Alias("AnnounceUserErased")]
    Task AnnounceUserErasedAsync(string userId);
}
