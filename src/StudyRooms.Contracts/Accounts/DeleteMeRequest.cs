namespace StudyRooms.Contracts.Accounts;

/// <summary>
/// Body of <c>DELETE /api/me</c> (P-ACCT-4): the caller's display name, typed to confirm, and the
/// username of their password account when they have one.
/// </summary>
public sealed record DeleteMeRequest
{
    public string? DisplayName { get; init; }

    public string? Username { get; init; }
}
