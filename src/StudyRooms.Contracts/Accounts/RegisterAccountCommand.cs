namespace StudyRooms.Contracts.Accounts;

/// <summary>Creates an account; the host has checked the fields and hashed the password.</summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.RegisterAccountCommand")]
public sealed record RegisterAccountCommand
{
    /// <summary>The user id the account signs in as: a guest's own, so their rooms and stats stay theirs.</summary>
    [Id(0)] public required string UserId { get; init; }
    [Id(1)] public required string DisplayName { get; init; }
    [Id(2)] public required string PasswordHash { get; init; }
}
