namespace StudyRooms.Contracts.Help;

/// <summary>A raised hand in a room's help queue (P-HAND-1): who asks, what about, and which mentor took it.</summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.HelpRequest")]
public sealed record HelpRequest
{
    [Id(0)] public required string UserId { get; init; }
    [Id(1)] public required string DisplayName { get; init; }
    /// <summary>A short note ("stuck on exercise 3"); empty when none was given.</summary>
    [Id(2)] public string Note { get; init; } = "";
    [Id(3)] public DateTimeOffset RaisedAt { get; init; }
    /// <summary>The mentor or owner helping now; null while the request waits.</summary>
    [Id(4)] public string? TakenById { get; init; }
    [Id(5)] public string? TakenByName { get; init; }
}
