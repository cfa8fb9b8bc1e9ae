namespace StudyRooms.Grains.Accounts;

/// <summary>The rooms that may hold data of one user (<see cref="UserFootprintGrain"/>).</summary>
[GenerateSerializer, Alias("StudyRooms.UserFootprintState")]
public sealed class UserFootprintState
{
    [Id(0)] public HashSet<string> RoomIds { get; set; } = new(StringComparer.Ordinal);
    /// <summary>Usernames of the user's password accounts (one, unless a registration lost a race for a name).</summary>
    [Id(1)] public HashSet<string> Usernames { get; set; } = new(StringComparer.Ordinal);
}
