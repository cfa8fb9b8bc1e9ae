namespace StudyRooms.Grains.Accounts;

/// <summary>The rooms that may hold data of one user (<see cref="UserFootprintGrain"/>).</summary>
[GenerateSerializer, Alias("StudyRooms.UserFootprintState")]
public sealed class UserFootprintState
{
    [Id(0)] public HashSet<string> RoomIds { get; set; } = new(StringComparer.Ordinal);
    /// <summary>Usernames of the user's password accounts (one, unless a registration lost a race for a name).</summary>
    [Id(1)] public HashSet<string> Usernames { get; set; } = new(StringComparer.Ordinal);
    /// <summary>Rooms the user created and has not deleted, bounded at creation (P-LIFE-7); rooms older than the bound are not here.</summary>
    [Id(2)] public HashSet<string> OwnedRoomIds { get; set; } = new(StringComparer.Ordinal);
}
