namespace StudyRooms.Contracts.Accounts;

/// <summary>
/// One password account (P-ACCT-1). Key: the username in lower case. The grain stores the password
/// hash the host made and counts failed sign-ins; hashing and checking stay in the host.
/// </summary>
[Alias("StudyRooms.IAccountGrain")]
public interface IAccountGrain : IGrainWithStringKey
{
    /// <summary>Creates the account; USERNAME_TAKEN when it exists.</summary>
    [Alias("Register")]
    Task<AccountCredentials> RegisterAsync(RegisterAccountCommand command);

    /// <summary>
    /// The stored credentials for a sign-in attempt; null when no account has this name.
    /// RATE_LIMITED while the account is locked after repeated failures (P-ACCT-3).
    /// </summary>
    [Alias("GetCredentials")]
    Task<AccountCredentials?> GetCredentialsAsync();

    /// <summary>Counts a failed sign-in; enough of them lock the account for a while (P-ACCT-3).</summary>
    [Alias("RecordFailedSignIn")]
    Task RecordFailedSignInAsync();

    /// <summary>Clears the failure count after a good sign-in.</summary>
    [Alias("RecordSignIn")]
    Task RecordSignInAsync();

    /// <summary>
    /// Erases the account when it signs in as <paramref name="userId"/> (its username, password hash
    /// and name; P-ACCT-4); an account of someone else, or none, stays as it is. Idempotent.
    /// </summary>
    [Alias("Erase")]
    Task EraseAsync(string userId);
}
