using StudyRooms.Contracts.Boards;
using StudyRooms.Contracts.Boards.History;
using StudyRooms.Contracts.Protocol;
using StudyRooms.Server.Auth;

namespace StudyRooms.Server.Hubs;

/// <summary>
/// Board history methods of the room hub (P-HIST-2, P-HIST-3): list the named snapshots and preview
/// one. A restore is no call of its own: the client pushes the difference as ordinary ops (P-HIST-4).
/// </summary>
public sealed partial class RoomHub
{
    public async Task<ListBoardHistoryResult> ListBoardHistory(ListBoardHistoryRequest? request)
    {
        var roomId = JoinedRoom(request?.RoomId);
        return await grains.GetGrain<IBoardGrain>(roomId).ListHistoryAsync(HistoryQuery(null));
    }

    public async Task<BoardHistorySnapshot> PreviewBoardHistory(PreviewBoardHistoryRequest? request)
    {
        var roomId = JoinedRoom(request?.RoomId);
        if (string.IsNullOrEmpty(request!.SnapshotId))
        {
            throw Refuse(ErrorCodes.InvalidRequest, "snapshotId is required");
        }

        return await grains.GetGrain<IBoardGrain>(roomId).PreviewHistoryAsync(HistoryQuery(request.SnapshotId));
    }

    private string JoinedRoom(string? roomId) =>
        roomId is not null && ConnectionRooms.Of(Context, time).Contains(roomId)
            ? roomId
            : throw Refuse(ErrorCodes.NotInRoom, "join the room before reading its board history");

    private BoardHistoryQuery HistoryQuery(string? snapshotId) => new()
    {
        UserId = StudyRoomsUser.From(Context.User).UserId,
        ConnectionId = Context.ConnectionId,
        SnapshotId = snapshotId,
    };
}
