namespace StudyRooms.Testing;

/// <summary>A signed-in guest: what POST /api/sessions answered.</summary>
public sealed record TestUser(string UserId, string DisplayName, string Token);
