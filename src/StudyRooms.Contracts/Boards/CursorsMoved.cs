namespace StudyRooms.Contracts.Boards;

/// <summary>
/// Event: the latest cursor of every connection (tab) that moved in one server frame of a room
/// (P-LIVE-5), sent once to the room's whole cursor audience. A receiver skips its own entry: the one
/// with its tab's client id, or with its user id when the entry carries no client id.
/// </summary>
public sealed record CursorsMoved
{
    public required string RoomId { get; init; }
    public required CursorMoved[] Cursors { get; init; }
}
