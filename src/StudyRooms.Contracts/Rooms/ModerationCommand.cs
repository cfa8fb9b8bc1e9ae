namespace StudyRooms.Contracts.Rooms;

/// <summary>
/// One moderation act handed to the room grain; the grain checks the actor's role (docs/permissions.md).
/// Which fields matter depends on <see cref="Kind"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.ModerationCommand")]
public sealed record ModerationCommand
{
    [Id(0)] public required ModerationKind Kind { get; init; }
    [Id(1)] public required string ActorId { get; init; }
    /// <summary>The user acted on (SetRole, Remove, Ban, Unban).</summary>
    [Id(2)] public string? TargetUserId { get; init; }
    [Id(3)] public RoomRole Role { get; init; }
    [Id(4)] public bool ReadOnly { get; init; }
    /// <summary>The actor's connection, which must be in the room (a removed connection moderates nothing).</summary>
    [Id(5)] public required string ActorConnectionId { get; init; }
}
