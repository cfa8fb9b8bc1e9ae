namespace StudyRooms.Contracts.Help;

/// <summary>One change of a room's help queue handed to the room grain, which checks the actor's role.</summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.HelpQueueCommand")]
public sealed record HelpQueueCommand
{
    [Id(0)] public required HelpQueueAction Action { get; init; }
    [Id(1)] public required string ActorId { get; init; }
    /// <summary>The actor's connection, which must be in the room.</summary>
    [Id(2)] public required string ActorConnectionId { get; init; }
    /// <summary>Whose request (Take, Resolve); the actor's own when null.</summary>
    [Id(3)] public string? TargetUserId { get; init; }
    /// <summary>The note of a raised hand (Raise).</summary>
    [Id(4)] public string? Note { get; init; }
}
