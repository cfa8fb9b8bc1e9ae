namespace StudyRooms.Contracts.Accounts;

/// <summary>HTTP request body of POST /api/sessions/password (wire).</summary>
public sealed record PasswordSignInRequest
{
    public string? Username { get; init; }
    public string? Password { get; init; }
}
