namespace StudyRooms.Contracts.Boards;

/// <summary>
/// Event: the latest cursor of every user that moved in one server frame of a room (P-LIVE-5), sent
/// once to the room's whole cursor audience. A receiver skips the entries with its own user id.
/// </summary>
public sealed record CursorsMoved
{
    public required string RoomId { get; init; }
    public required CursorMoved[] Cursors { get; init; }
}
