namespace StudyRooms.Grains.Sprints;

/// <summary>A user who took part in the current sprint, with their goal.</summary>
[GenerateSerializer, Alias("StudyRooms.SprintMember")]
public sealed class SprintMember
{
    [Id(0)] public string DisplayName { get; set; } = "";
    [Id(1)] public string? Goal { get; set; }
    [Id(2)] public bool Joined { get; set; }
    /// <summary>When the user first joined this sprint; orders the list.</summary>
    [Id(3)] public DateTimeOffset JoinedAt { get; set; }
}
