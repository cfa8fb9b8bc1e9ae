using Orleans.Concurrency;

namespace StudyRooms.Contracts.Accounts;

/// <summary>
/// The rooms that may hold data of one user (P-ACCT-4): every room the user created, entered, was
/// given a role, ban or mute in, imported a board into or was mentioned in. Unlike the lobby list it
/// has no bound and the user cannot take a room off it: deleting the user reads it to erase the
/// user's part of each room. A deleted room takes itself off. Key: the user id.
/// </summary>
[Alias("StudyRooms.IUserFootprintGrain")]
public interface IUserFootprintGrain : IGrainWithStringKey
{
    /// <summary>Adds the room (stored before it answers); a room already listed is a no-op.</summary>
    [Alias("Record")]
    Task RecordAsync(string roomId);

    /// <summary>Takes a deleted room off (P-LIFE-4), also off the rooms the user owns (P-LIFE-7).</summary>
    [Alias("Forget")]
    Task ForgetAsync(string roomId);

    /// <summary>
    /// Counts a room about to be created as the user's (stored before it answers), unless the user
    /// already owns <paramref name="maxOwnedRooms"/> rooms: then false and nothing changes (P-LIFE-7).
    /// A room already counted answers true.
    /// </summary>
    [Alias("ReserveOwnedRoom")]
    Task<bool> ReserveOwnedRoomAsync(string roomId, int maxOwnedRooms);

    /// <summary>Gives back a place reserved for a room whose creation failed (P-LIFE-7). A no-op when not counted.</summary>
    [Alias("ReleaseOwnedRoom")]
    Task ReleaseOwnedRoomAsync(string roomId);

    /// <summary>How many rooms the user owns as counted by <see cref="ReserveOwnedRoomAsync"/>.</summary>
    [Alias("CountOwnedRooms"), ReadOnly]
    Task<int> CountOwnedRoomsAsync();

    [Alias("List"), ReadOnly]
    Task<string[]> ListAsync();

    /// <summary>
    /// Notes a password account's username as the user's (stored before it answers), so deleting the
    /// user erases the account even when the request does not name it. A no-op when already noted.
    /// </summary>
    [Alias("RecordAccount")]
    Task RecordAccountAsync(string username);

    /// <summary>The usernames noted by <see cref="RecordAccountAsync"/>; an account erases itself only for its own user.</summary>
    [Alias("ListAccounts"), ReadOnly]
    Task<string[]> ListAccountsAsync();

    /// <summary>Erases the list, stored and in memory (the last step of deleting the user). Idempotent.</summary>
    [Alias("Erase")]
    Task EraseAsync();
}
