using Orleans.Concurrency;

namespace StudyRooms.Contracts.Rooms;

/// <summary>
/// The users whose data one room may hold (the other side of <c>IUserFootprintGrain</c>): the room
/// notes each user once, and the note reaches the user's footprint before it is kept here. Deleting
/// the room takes the room off every noted user's footprint and lobby list (P-LIFE-4); deleting a
/// user takes the user off here (P-ACCT-4). Key: the room id.
/// </summary>
[Alias("StudyRooms.IRoomUsersGrain")]
public interface IRoomUsersGrain : IGrainWithStringKey
{
    /// <summary>Notes users (their footprints first); users already noted are skipped.</summary>
    [Alias("Note")]
    Task NoteAsync(string[] userIds);

    [Alias("List"), ReadOnly]
    Task<string[]> ListAsync();

    /// <summary>Takes a deleted user off (P-ACCT-4). Idempotent.</summary>
    [Alias("ForgetUser")]
    Task ForgetUserAsync(string userId);

    /// <summary>
    /// Takes the room off every noted user's footprint and lobby list, then erases the list; part of
    /// deleting a room (P-LIFE-4). Idempotent.
    /// </summary>
    [Alias("Erase")]
    Task EraseAsync();
}
