using StudyRooms.Contracts.Help;
using StudyRooms.Contracts.Protocol;
using StudyRooms.Contracts.Rooms;
using StudyRooms.Grains.Rooms;
using StudyRooms.Server.Auth;

namespace StudyRooms.Server.Hubs;

/// <summary>The raise-hand queue (P-HAND-1..4); the room grain checks who may do what.</summary>
public sealed partial class RoomHub
{
    public Task<HelpRequest[]> RaiseHand(RaiseHandRequest? request)
    {
        if (request?.Note is { Length: > HelpQueue.MaxNoteLength })
        {
            throw Refuse(ErrorCodes.InvalidRequest, $"note is longer than {HelpQueue.MaxNoteLength} characters");
        }

        return UpdateHelpQueueAsync(request?.RoomId, HelpQueueAction.Raise, target: null, request?.Note);
    }

    public Task<HelpRequest[]> TakeHand(HandRequest? request) =>
        UpdateHelpQueueAsync(request?.RoomId, HelpQueueAction.Take, request?.UserId, note: null);

    public Task<HelpRequest[]> ResolveHand(HandRequest? request) =>
        UpdateHelpQueueAsync(request?.RoomId, HelpQueueAction.Resolve, request?.UserId, note: null);

    private Task<HelpRequest[]> UpdateHelpQueueAsync(string? roomId, HelpQueueAction action, string? target, string? note)
    {
        if (roomId is null || !ConnectionRooms.Of(Context, time).Contains(roomId))
        {
            throw Refuse(ErrorCodes.NotInRoom, "join the room first");
        }

        if (target is { Length: 0 or > RoomRules.MaxUserIdLength })
        {
            throw Refuse(ErrorCodes.InvalidRequest, "userId is not a user id");
        }

        return grains.GetGrain<IRoomGrain>(roomId).UpdateHelpQueueAsync(new HelpQueueCommand
        {
            Action = action,
            ActorId = StudyRoomsUser.From(Context.User).UserId,
            ActorConnectionId = Context.ConnectionId,
            TargetUserId = target,
            Note = note,
        });
    }
}
