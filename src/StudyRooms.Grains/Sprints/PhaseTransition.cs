namespace StudyRooms.Grains.Sprints;

/// <summary>A phase that ended at <see cref="At"/>; <see cref="NextPhaseIndex"/> is null when the sprint ended with it.</summary>
public sealed record PhaseTransition(int EndedPhaseIndex, DateTimeOffset At, int? NextPhaseIndex);
