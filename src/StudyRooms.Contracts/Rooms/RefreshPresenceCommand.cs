namespace StudyRooms.Contracts.Rooms;

/// <summary>A server vouches that these of its connections are still open (P-PRES-2).</summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.RefreshPresenceCommand")]
public sealed record RefreshPresenceCommand
{
    [Id(0)] public required string[] ConnectionIds { get; init; }
}
