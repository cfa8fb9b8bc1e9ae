using StudyRooms.Contracts.Protocol;
using StudyRooms.Contracts.Resources;
using StudyRooms.Server.Auth;

namespace StudyRooms.Server.Hubs;

/// <summary>Resource shelf methods of the room hub (docs/protocol.md "Resources"): links and notes; files go over HTTP.</summary>
public sealed partial class RoomHub
{
    public Task<ResourceItem> PinResource(PinResourceRequest? request) =>
        Resources(request?.RoomId).PinAsync(ResourceActor(), request!);

    public Task RemoveResource(RemoveResourceRequest? request) =>
        Resources(request?.RoomId).RemoveAsync(ResourceActor(), request!);

    public Task<ResourceShelf> ListResources(ListResourcesRequest? request) =>
        Resources(request?.RoomId).ListAsync(ResourceActor());

    /// <summary>The room's shelf grain, once the connection has joined the room (else NOT_IN_ROOM).</summary>
    private IRoomResourcesGrain Resources(string? roomId) =>
        roomId is not null && ConnectionRooms.Of(Context, time).Contains(roomId)
            ? grains.GetGrain<IRoomResourcesGrain>(roomId)
            : throw Refuse(ErrorCodes.NotInRoom, "join the room before using its resources");

    private ResourceActor ResourceActor()
    {
        var user = StudyRoomsUser.From(Context.User);
        return new ResourceActor { UserId = user.UserId, DisplayName = user.DisplayName, ConnectionId = Context.ConnectionId };
    }
}
