using Microsoft.AspNetCore.SignalR;
using StudyRooms.Contracts.Boards;
using StudyRooms.Contracts.Protocol;
using StudyRooms.Server.Auth;

namespace StudyRooms.Server.Hubs;

/// <summary>Whiteboard methods of the room hub: reliable edits, volatile stroke progress and cursors.</summary>
public sealed partial class RoomHub
{
    public async Task<PushOpsResult> PushOps(PushOpsRequest? request)
    {
        var rooms = ConnectionRooms.Of(Context, time);
        if (request?.RoomId is not { } roomId || !rooms.Contains(roomId))
        {
            throw Refuse(ErrorCodes.NotInRoom, "join the room before editing its board");
        }

        if (hosted.WasDeleted(roomId))
        {
            throw Refuse(ErrorCodes.RoomNotFound, "the room was deleted");
        }

        var user = StudyRoomsUser.From(Context.User);
        return await rooms.BoardOf(roomId, grains).PushOpsAsync(new PushOpsCommand
        {
            UserId = user.UserId,
            ClientId = request.ClientId ?? "",
            ConnectionId = Context.ConnectionId,
            Ops = request.Ops ?? [],
        });
    }

    [VolatileHubMethod]
    public async Task StreamStroke(StrokeProgress? progress)
    {
        var rooms = ConnectionRooms.Of(Context, time);
        if (!rooms.Contains(progress?.RoomId) || !rooms.VolatileBudget.TryTake())
        {
            return;
        }

        if (StrokeRelay.ToEvent(progress, StudyRoomsUser.From(Context.User).UserId) is { } e)
        {
            await Clients.OthersInGroup(RoomGroups.For(e.RoomId)).StrokeProgressed(e);
        }
    }

    [VolatileHubMethod]
    public async Task MoveCursor(CursorUpdate? update)
    {
        var rooms = ConnectionRooms.Of(Context, time);
        if (!rooms.Contains(update?.RoomId) || !rooms.VolatileBudget.TryTake())
        {
            return;
        }

        if (CursorRelay.ToEvent(update, StudyRoomsUser.From(Context.User).UserId) is { } e)
        {
            // Only the room's cursor audience: above a room size, viewers are not in it (P-LIVE-4);
            // at most one frame per room and receiver, the latest cursor per connection (P-LIVE-5).
            await cursorFrames.RelayAsync(e, Context.ConnectionId);
        }
    }
}
