namespace StudyRooms.Contracts.Accounts;

/// <summary>Deletes the user <see cref="UserId"/> and, when given, their account <see cref="Username"/> (P-ACCT-4).</summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.DeleteUserCommand")]
public sealed record DeleteUserCommand
{
    [Id(0)] public required string UserId { get; init; }

    /// <summary>The account to erase with the user; erased only when it signs in as <see cref="UserId"/>.</summary>
    [Id(1)] public string? Username { get; init; }
}
