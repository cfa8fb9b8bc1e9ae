namespace StudyRooms.Contracts.Accounts;

/// <summary>What the host needs to check a password and issue a token. Never sent to clients.</summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.AccountCredentials")]
public sealed record AccountCredentials
{
    [Id(0)] public required string UserId { get; init; }
    [Id(1)] public required string DisplayName { get; init; }
    [Id(2)] public required string PasswordHash { get; init; }
}
