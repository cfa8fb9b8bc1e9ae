using StudyRooms.Contracts.Protocol;
using StudyRooms.Contracts.Rooms;
using StudyRooms.Server.Auth;

namespace StudyRooms.Server.Hubs;

/// <summary>Roles and moderation (docs/permissions.md); the room grain checks every permission.</summary>
public sealed partial class RoomHub
{
    public Task SetRole(SetRoleRequest? request) =>
        ModerateAsync(request?.RoomId, new() { Kind = ModerationKind.SetRole, TargetUserId = request?.UserId, Role = request?.Role ?? RoomRole.Member });

    public Task RemoveParticipant(RemoveParticipantRequest? request) =>
        ModerateAsync(request?.RoomId, new() { Kind = request?.Ban == true ? ModerationKind.Ban : ModerationKind.Remove, TargetUserId = request?.UserId });

    public Task UnbanUser(UnbanUserRequest? request) =>
        ModerateAsync(request?.RoomId, new() { Kind = ModerationKind.Unban, TargetUserId = request?.UserId });

    /// <summary>The room's banned users for its moderators (P-MOD-9).</summary>
    public Task<BannedUser[]> ListBans(ListBansRequest? request)
    {
        var roomId = request?.RoomId;
        if (roomId is null || !ConnectionRooms.Of(Context, time).Contains(roomId))
        {
            throw Refuse(ErrorCodes.NotInRoom, "join the room first");
        }

        return grains.GetGrain<IRoomGrain>(roomId).ListBansAsync(StudyRoomsUser.From(Context.User).UserId, Context.ConnectionId);
    }

    public Task SetReadOnly(SetReadOnlyRequest? request) =>
        ModerateAsync(request?.RoomId, new() { Kind = ModerationKind.SetReadOnly, ReadOnly = request?.ReadOnly ?? false });

    private Task ModerateAsync(string? roomId, ModerationAct act)
    {
        if (roomId is null || !ConnectionRooms.Of(Context, time).Contains(roomId))
        {
            throw Refuse(ErrorCodes.NotInRoom, "join the room first");
        }

        var user = StudyRoomsUser.From(Context.User);
        return grains.GetGrain<IRoomGrain>(roomId).ModerateAsync(new ModerationCommand
        {
            Kind = act.Kind,
            ActorId = user.UserId,
            ActorConnectionId = Context.ConnectionId,
            TargetUserId = act.TargetUserId,
            Role = act.Role,
            ReadOnly = act.ReadOnly,
        });
    }

    /// <summary>The act part of a <see cref="ModerationCommand"/>; the hub adds who is acting.</summary>
    private readonly record struct ModerationAct(ModerationKind Kind, string? TargetUserId = null, RoomRole Role = RoomRole.Member, bool ReadOnly = false);
}
