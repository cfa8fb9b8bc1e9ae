using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using StudyRooms.Contracts.Protocol;
using StudyRooms.Contracts.Rooms;
using StudyRooms.Grains.Rooms;
using StudyRooms.Server.Auth;

namespace StudyRooms.Server.Hubs;

/// <summary>
/// The live endpoint of a room (docs/protocol.md, "Hub"). It authenticates, resolves one grain,
/// makes one call and keeps SignalR group membership; the grains own every rule. One file per
/// area: this one joins and leaves rooms, RoomHub.Board.cs edits the whiteboard,
/// RoomHub.Moderation.cs changes roles and moderates, RoomHub.Sprint.cs runs study sprints.
/// </summary>
[Authorize]
public sealed partial class RoomHub(IGrainFactory grains, HostedConnections hosted, TimeProvider time, CursorFrames cursorFrames) : Hub<IRoomClient>
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

        // Join the group, and this server's list of the room's connections, before the snapshot is
        // taken, so no op falls between them (P-JOIN-3): ops fan out to one or the other (P-OPS-9).
        await Groups.AddToGroupAsync(Context.ConnectionId, group);
        hosted.Add(roomId, Context.ConnectionId);
        try
        {
            var result = await grains.GetGrain<IRoomGrain>(roomId).JoinAsync(new JoinRoomCommand
            {
                UserId = user.UserId,
                DisplayName = user.DisplayName,
                ConnectionId = Context.ConnectionId,
                KnownClock = request.KnownClock,
                Server = hosted.ServerName,
            });
            ConnectionRooms.Of(Context, time).Add(roomId);
            return result;
        }
        catch
        {
            hosted.Remove(roomId, Context.ConnectionId);
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

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        foreach (var roomId in ConnectionRooms.Of(Context, time).Rooms.ToArray())
        {
            await LeaveAsync(roomId);
        }

        await base.OnDisconnectedAsync(exception);
    }

    private async Task LeaveAsync(string roomId)
    {
        hosted.Remove(roomId, Context.ConnectionId);
        cursorFrames.Drop(roomId, Context.ConnectionId);
        if (hosted.WasDeleted(roomId))
        {
            // The room evicted everyone when it was deleted (P-LIFE-4); waking its grains would only
            // bring back empty activations.
            return;
        }

        await grains.GetGrain<IRoomGrain>(roomId).LeaveAsync(new LeaveRoomCommand
        {
            UserId = StudyRoomsUser.From(Context.User).UserId,
            ConnectionId = Context.ConnectionId,
        });
        await SprintConnectionClosedAsync(roomId);
    }

    private static HubException Refuse(string code, string reason) => new($"{code}: {reason}");
}
