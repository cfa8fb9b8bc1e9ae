using Orleans.Concurrency;

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

    /// <summary>Marks connections as still open; connections not refreshed expire (P-PRES-2).</summary>
    [Alias("RefreshPresence")]
    Task RefreshPresenceAsync(RefreshPresenceCommand command);
}
