namespace StudyRooms.Contracts.Rooms;

/// <summary>Hub request of SetReadOnly (wire). Makes the room read-only or editable again (P-MOD-5).</summary>
public sealed record SetReadOnlyRequest
{
    public string? RoomId { get; init; }
    public bool ReadOnly { get; init; }
}
