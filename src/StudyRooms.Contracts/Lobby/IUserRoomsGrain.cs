using Orleans.Concurrency;

namespace StudyRooms.Contracts.Lobby;

/// <summary>
/// The rooms one user owns or has joined, most recent first, for the lobby's "Your rooms" (P-LOBBY-1).
/// Key: the user id. Rooms remember visits one-way, so the join path never waits on this grain.
/// </summary>
[Alias("StudyRooms.IUserRoomsGrain")]
public interface IUserRoomsGrain : IGrainWithStringKey
{
    /// <summary>Puts the room at the top of the list (adds it when new); the oldest beyond the bound drop out.</summary>
    [Alias("Remember"), OneWay]
    Task RememberAsync(UserRoom visit);

    /// <summary>Takes rooms off the list (the user forgot them, or they are gone or closed to the user).</summary>
    [Alias("Forget")]
    Task ForgetAsync(string[] roomIds);

    /// <summary>The remembered rooms, most recently visited first.</summary>
    [Alias("List"), ReadOnly]
    Task<UserRoom[]> ListAsync();

    /// <summary>Erases the list, stored and in memory (the user deleted themselves, P-ACCT-4). Idempotent.</summary>
    [Alias("Erase")]
    Task EraseAsync();
}
