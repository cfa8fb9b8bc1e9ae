namespace StudyRooms.Contracts.Rooms;

/// <summary>
/// One study room: its settings (persisted) and who is in it now (presence, never persisted).
/// Key: the room id, 22 url-safe characters (P-ROOM-1).
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
}
