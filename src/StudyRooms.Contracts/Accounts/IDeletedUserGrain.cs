namespace StudyRooms.Contracts.Accounts;

/// <summary>
/// The deletion of one user (P-ACCT-4): runs the erasure of everything stored under the user's id and
/// then remembers only that the id was deleted, so tokens issued for it are refused. Key:
/// <see cref="DeletedUsers.Key"/> of the user id (a SHA-256 digest, so the remembered fact does not
/// name the user in storage).
/// </summary>
[Alias("StudyRooms.IDeletedUserGrain")]
public interface IDeletedUserGrain : IGrainWithStringKey
{
    /// <summary>
    /// Marks the user deleted (from then on <see cref="IsDeletedAsync"/> answers true) and erases
    /// their data; a failure part way is finished by the next call or on the grain's next activation.
    /// </summary>
    [Alias("Delete")]
    Task DeleteAsync(DeleteUserCommand command);

    /// <summary>True once the user has been deleted (the erasure may still be finishing).</summary>
    [Alias("IsDeleted")]
    Task<bool> IsDeletedAsync();
}
