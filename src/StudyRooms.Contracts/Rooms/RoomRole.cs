namespace StudyRooms.Contracts.Rooms;

/// <summary>What a user may do in a room (docs/permissions.md); higher values may do more.</summary>
[GenerateSerializer, Alias("StudyRooms.RoomRole")]
public enum RoomRole
{
    Viewer = 0,
    Member = 1,
    Mentor = 2,
    Owner = 3,
}
