using StudyRooms.Contracts.Stats;

namespace StudyRooms.Contracts.Sprints;

/// <summary>A user who joined the room's sprint, with the goal shown beside their name (P-SPR-8).</summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.SprintParticipant")]
public sealed record SprintParticipant
{
    [Id(0)] public required string UserId { get; init; }
    [Id(1)] public required string DisplayName { get; init; }
    [Id(2)] public string? Goal { get; init; }
    /// <summary>False once the user left the sprint; they stay listed for the recap of the block.</summary>
    [Id(3)] public bool Joined { get; init; }
    /// <summary>The user's recap of the last ended focus block, when they gave one.</summary>
    [Id(4)] public GoalOutcome? LastOutcome { get; init; }
    /// <summary>True while the user has a live connection counted by the sprint (P-SPR-11).</summary>
    [Id(5)] public bool Connected { get; init; }
}
