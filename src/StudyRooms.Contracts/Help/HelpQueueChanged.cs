namespace StudyRooms.Contracts.Help;

/// <summary>Event: the room's help queue, whole and in order, after any change (P-HAND-3).</summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.HelpQueueChanged")]
public sealed record HelpQueueChanged
{
    [Id(0)] public required string RoomId { get; init; }
    [Id(1)] public required HelpRequest[] Requests { get; init; }
}
