namespace StudyRooms.Contracts.Accounts;

/// <summary>HTTP request body of POST /api/accounts (wire).</summary>
public sealed record CreateAccountRequest
{
    public string? Username { get; init; }
    public string? Password { get; init; }
    public string? DisplayName { get; init; }
}
