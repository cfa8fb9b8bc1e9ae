namespace StudyRooms.Contracts.Stats;

/// <summary>One local calendar day of a user's study (a heatmap cell), in the time zone the stats were asked for.</summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.StudyDay")]
public sealed record StudyDay
{
    [Id(0)] public DateOnly Date { get; init; }
    /// <summary>Credited focus minutes attributed to this local day, rounded to the nearest minute.</summary>
    [Id(1)] public int Minutes { get; init; }
}
