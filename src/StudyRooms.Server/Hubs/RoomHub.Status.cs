using StudyRooms.Contracts.Protocol;
using StudyRooms.Contracts.Rooms;
using StudyRooms.Server.Auth;

namespace StudyRooms.Server.Hubs;

/// <summary>Presence status of this connection's tab (P-STATUS-1); the room grain aggregates and announces.</summary>
public sealed partial class RoomHub
{
    public Task SetPresenceStatus(SetPresenceStatusRequest? request)
    {
        if (request?.RoomId is not { } roomId || !ConnectionRooms.Of(Context, time).Contains(roomId))
        {
            throw Refuse(ErrorCodes.NotInRoom, "join the room first");
        }

        var status = request.Status switch
        {
            "active" => PresenceStatus.Active,
            "idle" => PresenceStatus.Idle,
            "away" => PresenceStatus.Away,
            _ => throw Refuse(ErrorCodes.InvalidRequest, "status must be active, idle or away"),
        };

        return grains.GetGrain<IRoomGrain>(roomId).SetPresenceStatusAsync(new PresenceStatusCommand
        {
            UserId = StudyRoomsUser.From(Context.User).UserId,
            ConnectionId = Context.ConnectionId,
            Status = status,
        });
    }
}
