namespace StudyRooms.Grains.Rooms;

/// <summary>The users whose data one room may hold (<see cref="RoomUsersGrain"/>).</summary>
[GenerateSerializer, Alias("StudyRooms.RoomUsersState")]
public sealed class RoomUsersState
{
    [Id(0)] public HashSet<string> UserIds { get; set; } = new(StringComparer.Ordinal);
}
