using StudyRooms.Contracts.Resources;
using StudyRooms.Contracts.Rooms;
using StudyRooms.Grains.Tests.Support;

namespace StudyRooms.Grains.Tests.Resources;

/// <summary>A fresh room with people joined in given roles, and the room's resource shelf; for shelf tests.</summary>
internal sealed class ShelfRoom
{
    private readonly IGrainFactory _grains;

    private ShelfRoom(IGrainFactory grains, string roomId)
    {
        _grains = grains;
        RoomId = roomId;
    }

    public string RoomId { get; }

    public IRoomGrain Room => _grains.GetGrain<IRoomGrain>(RoomId);

    public IRoomResourcesGrain Shelf => _grains.GetGrain<IRoomResourcesGrain>(RoomId);

    public ResourceActor Owner { get; private set; } = null!;

    public static async Task<ShelfRoom> CreateAsync(IGrainFactory grains, bool inviteOnly = false)
    {
        var room = new ShelfRoom(grains, TestIds.Room());
        var ownerId = TestIds.User();
        await room.Room.CreateAsync(new CreateRoomCommand { Name = "Shelf", OwnerId = ownerId, InviteOnly = inviteOnly });
        room.Owner = await room.JoinAsync(ownerId, "Owner");
        return room;
    }

    /// <summary>Joins a new user after the owner gave them <paramref name="role"/>.</summary>
    public async Task<ResourceActor> JoinAsync(string? userId = null, string name = "Someone", RoomRole role = RoomRole.Member)
    {
        userId ??= TestIds.User();
        if (role != RoomRole.Member && Owner is not null)
        {
            await ModerateAsync(ModerationKind.SetRole, userId, role);
        }

        var actor = new ResourceActor { UserId = userId, DisplayName = name, ConnectionId = TestIds.Connection() };
        await Room.JoinAsync(new JoinRoomCommand { UserId = userId, DisplayName = name, ConnectionId = actor.ConnectionId! });
        return actor;
    }

    public Task ModerateAsync(ModerationKind kind, string? target = null, RoomRole role = RoomRole.Member, bool readOnly = false) =>
        Room.ModerateAsync(new ModerationCommand
        {
            Kind = kind,
            ActorId = Owner.UserId,
            ActorConnectionId = Owner.ConnectionId!,
            TargetUserId = target,
            Role = role,
            ReadOnly = readOnly,
        });

    public Task<ResourceItem> LinkAsync(ResourceActor actor, string url, string? title = null) =>
        Shelf.PinAsync(actor, new PinResourceRequest { RoomId = RoomId, Kind = ResourceKind.Link, Url = url, Title = title });

    public Task<ResourceItem> NoteAsync(ResourceActor actor, string text) =>
        Shelf.PinAsync(actor, new PinResourceRequest { RoomId = RoomId, Kind = ResourceKind.Note, Text = text });

    public Task RemoveAsync(ResourceActor actor, string resourceId) =>
        Shelf.RemoveAsync(actor, new RemoveResourceRequest { RoomId = RoomId, ResourceId = resourceId });

    public async Task<ResourceItem[]> ItemsAsync(ResourceActor? actor = null) => (await Shelf.ListAsync(actor ?? Owner)).Items;
}
