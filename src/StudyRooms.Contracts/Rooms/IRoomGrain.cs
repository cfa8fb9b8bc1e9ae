using Orleans.Concurrency;
using StudyRooms.Contracts.Help;
using StudyRooms.Contracts.Invites;

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

    /// <summary>Raises, takes or resolves a hand in the help queue; answers the queue (P-HAND-2).</summary>
    [Alias("UpdateHelpQueue")]
    Task<HelpRequest[]> UpdateHelpQueueAsync(HelpQueueCommand command);

    /// <summary>
    /// The connection's place in the room for the chat grain (docs/permissions.md). Interleaves like
    /// <see cref="GetBoardAccessAsync"/>: it only reads.
    /// </summary>
    [Alias("GetChatAccess"), AlwaysInterleave]
    Task<ChatAccess> GetChatAccessAsync(string userId, string connectionId);
}
