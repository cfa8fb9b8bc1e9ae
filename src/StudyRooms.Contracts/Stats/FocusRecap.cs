namespace StudyRooms.Contracts.Stats;

/// <summary>A participant's goal and recap for one focus block, kept in the user's history.</summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.FocusRecap")]
public sealed record FocusRecap
{
    [Id(0)] public required string UserId { get; init; }
    [Id(1)] public required string RoomId { get; init; }
    [Id(2)] public required string SprintId { get; init; }
    [Id(3)] public int BlockIndex { get; init; }
    /// <summary>The goal declared at sprint start, or null when none was declared.</summary>
    [Id(4)] public string? Goal { get; init; }
    [Id(5)] public GoalOutcome Outcome { get; init; }
    [Id(6)] public string? Note { get; init; }
    [Id(7)] public DateTimeOffset RecordedAt { get; init; }
}
