namespace StudyRooms.Grains.Rooms;

/// <summary>One user in one room: the subject of <see cref="RoomUserErasure"/>.</summary>
public sealed record RoomUser(string RoomId, string UserId);
