namespace StudyRooms.Contracts.Sessions;

/// <summary>HTTP request body of POST /api/sessions (wire).</summary>
public sealed record CreateSessionRequest
{
    public string? DisplayName { get; init; }
}
