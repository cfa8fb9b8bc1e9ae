using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using StudyRooms.Contracts.Boards;
using StudyRooms.Contracts.Protocol;
using StudyRooms.Contracts.Rooms;
using StudyRooms.Grains.Rooms;
using StudyRooms.Server.Auth;

namespace StudyRooms.Server.Hubs;

/// <summary>
/// The live endpoint of a room (docs/protocol.md, "Hub"). It authenticates, resolves one grain,
/// makes one call and keeps SignalR group membership; the grains own every rule.
/// </summary>
[Authorize]
public sealed class RoomHub(IGrainFactory grains, TimeProvider time) : Hub<IRoomClient>
{
    public async Task<JoinRoomResult> JoinRoom(JoinRoomRequest? request)
    {
        if (request is null)
        {
            throw Refuse(ErrorCodes.InvalidRequest, "JoinRoom needs a request object");
        }

        if (request.ProtocolVersion != ProtocolVersion.Current)
        {
            throw Refuse(ErrorCodes.ProtocolMismatch, $"the client speaks protocol {request.ProtocolVersion}, the server {ProtocolVersion.Current}; reload the page");
        }

        if (!RoomRules.IsRoomId(request.RoomId))
        {
            throw Refuse(ErrorCodes.RoomNotFound, "no room has this id");
        }

        var user = StudyRoomsUser.From(Context.User);
        var roomId = request.RoomId!;
        var group = RoomGroups.For(roomId);

        // Join the group before the snapshot is taken, so no op falls between them (P-JOIN-3).
        await Groups.AddToGroupAsync(Context.ConnectionId, group);
        try
        {
            var result = await grains.GetGrain<IRoomGrain>(roomId).JoinAsync(new JoinRoomCommand
            {
                UserId = user.UserId,
                DisplayName = user.DisplayName,
                ConnectionId = Context.ConnectionId,
            });
            ConnectionRooms.Of(Context, time).Add(roomId);
            return result;
        }
        catch
        {
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, group);
            throw;
        }
    }

    public async Task LeaveRoom(LeaveRoomRequest? request)
    {
        var rooms = ConnectionRooms.Of(Context, time);
        if (request?.RoomId is not { } roomId || !rooms.Remove(roomId))
        {
            return;
        }

        await Groups.RemoveFromGroupAsync(Context.ConnectionId, RoomGroups.For(roomId));
        await LeaveAsync(roomId);
    }

    public async Task<PushOpsResult> PushOps(PushOpsRequest? request)
    {
        if (request?.RoomId is not { } roomId || !ConnectionRooms.Of(Context, time).Contains(roomId))
        {
            throw Refuse(ErrorCodes.NotInRoom, "join the room before editing its board");
        }

        var user = StudyRoomsUser.From(Context.User);
        return await grains.GetGrain<IBoardGrain>(roomId).PushOpsAsync(new PushOpsCommand
        {
            UserId = user.UserId,
            ClientId = request.ClientId ?? "",
            ConnectionId = Context.ConnectionId,
            Ops = request.Ops ?? [],
        });
    }

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

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        foreach (var roomId in ConnectionRooms.Of(Context, time).Rooms.ToArray())
        {
            await LeaveAsync(roomId);
        }

        await base.OnDisconnectedAsync(exception);
    }

    private Task LeaveAsync(string roomId) =>
        grains.GetGrain<IRoomGrain>(roomId).LeaveAsync(new LeaveRoomCommand
        {
            UserId = StudyRoomsUser.From(Context.User).UserId,
            ConnectionId = Context.ConnectionId,
        });

    private static HubException Refuse(string code, string reason) => new($"{code}: {reason}");
}
