namespace StudyRooms.Contracts.Rooms;

/// <summary>Deletes a room and erases its data; only the owner, who types the room's name to confirm (P-LIFE-3).</summary>
[GenerateSerializer, Immutable, Alias("StudyRooms.DeleteRoomCommand")]
public sealed record DeleteRoomCommand
{
    [Id(0)] public required string ActorId { get; init; }
    /// <summary>The room's name as the owner typed it; must equal the name exactly.</summary>
    [Id(1)] public string? ConfirmName { get; init; }
}
