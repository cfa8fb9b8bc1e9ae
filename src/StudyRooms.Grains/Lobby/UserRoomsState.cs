using StudyRooms.Contracts.Lobby;

namespace StudyRooms.Grains.Lobby;

/// <summary>A user's remembered rooms, most recently visited first.</summary>
[GenerateSerializer, Alias("StudyRooms.UserRoomsState")]
public sealed class UserRoomsState
{
    [Id(0)] public List<UserRoom> Rooms { get; set; } = [];
}
