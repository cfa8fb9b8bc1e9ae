using StudyRooms.Contracts.Stats;

namespace StudyRooms.Grains.Sprints;

/// <summary>A participant's recap of the last ended focus block.</summary>
[GenerateSerializer, Alias("StudyRooms.RecapEntry")]
public sealed class RecapEntry
{
    [Id(0)] public GoalOutcome Outcome { get; set; }
    [Id(1)] public string? Note { get; set; }
}
