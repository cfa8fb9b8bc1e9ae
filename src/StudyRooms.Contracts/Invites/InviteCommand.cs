namespace StudyRooms.Contracts.Invites;

/// <summary>Names one invite: to revoke or rotate it (owner), or to accept it (any signed-in user).</summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.InviteCommand")]
public sealed record InviteCommand
{
    /// <summary>The caller: the owner revoking or rotating, or the user accepting.</summary>
    [Id(0)] public required string ActorId { get; init; }
    [Id(1)] public required string Code { get; init; }
}
