namespace StudyRooms.Contracts.Stats;

/// <summary>
/// The focus time the server recorded for one participant in one focus block of a sprint, sent by
/// the sprint grain when the block ends. Minutes come only from server-recorded participation
/// (present and connected during focus, not idle for the whole block), never from client claims.
/// </summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.FocusCredit")]
public sealed record FocusCredit
{
    [Id(0)] public required string UserId { get; init; }
    /// <summary>The name the user had in the room when the block ended (for leaderboards).</summary>
    [Id(1)] public required string DisplayName { get; init; }
    [Id(2)] public required string RoomId { get; init; }
    /// <summary>The sprint run this block belongs to; unique per room.</summary>
    [Id(3)] public required string SprintId { get; init; }
    /// <summary>Zero-based index of the focus block within the sprint; with SprintId it makes a credit idempotent.</summary>
    [Id(4)] public int BlockIndex { get; init; }
    [Id(5)] public DateTimeOffset BlockStartedAt { get; init; }
    [Id(6)] public DateTimeOffset BlockEndedAt { get; init; }
    /// <summary>The server-recorded focus time credited to the user in this block; zero or more.</summary>
    [Id(7)] public TimeSpan Credited { get; init; }
    /// <summary>True when this was the last focus block of the sprint's plan and the user was credited in it.</summary>
    [Id(8)] public bool CompletesSprint { get; init; }
}
