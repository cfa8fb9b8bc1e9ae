namespace StudyRooms.Contracts.Sessions;

/// <summary>HTTP answer of POST /api/sessions: a guest identity and its bearer token.</summary>
public sealed record SessionResult
{
    public required string UserId { get; init; }
    public required string DisplayName { get; init; }
    public required string Token { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
}
