namespace StudyRooms.Grains.Stats;

/// <summary>A credited focus block as the calendar sees it: when it ran and how much of it counts.</summary>
public readonly record struct FocusSpan(DateTimeOffset StartedAt, DateTimeOffset EndedAt, TimeSpan Credited);
