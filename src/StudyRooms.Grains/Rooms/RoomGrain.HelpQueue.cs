using StudyRooms.Contracts.Help;
using StudyRooms.Contracts.Protocol;
using StudyRooms.Contracts.Rooms;
using StudyRooms.Grains.Limits;

namespace StudyRooms.Grains.Rooms;

/// <summary>The raise-hand queue (P-HAND-*): members raise, mentors take and resolve.</summary>
public sealed partial class RoomGrain
{
    public async Task<HelpRequest[]> UpdateHelpQueueAsync(HelpQueueCommand command)
    {
        if (!state.State.Exists)
        {
            throw new StudyRoomsException(ErrorCodes.RoomNotFound, "no room has this id");
        }

        if (!_present.TryGetValue(command.ActorId, out var actor) || !actor.Connections.ContainsKey(command.ActorConnectionId))
        {
            throw new StudyRoomsException(ErrorCodes.NotInRoom, "join the room first");
        }

        var target = command.TargetUserId ?? command.ActorId;
        var actorRole = RoleOf(command.ActorId);
        switch (command.Action)
        {
            case HelpQueueAction.Raise when state.State.Archived:
                throw RoomArchived();
            case HelpQueueAction.Raise:
                if (HandBudget(command.ActorId) is var budget && !budget.TryTake())
                {
                    throw new StudyRoomsException(ErrorCodes.RateLimited, RetryHint.Append("too many raised hands", budget.UntilNextToken()));
                }

                _helpQueue.Raise(command.ActorId, actor.Participant.DisplayName, command.Note, time.GetUtcNow());
                break;
            case HelpQueueAction.Take when actorRole >= RoomRole.Mentor:
                _helpQueue.Take(target, command.ActorId, actor.Participant.DisplayName);
                break;
            case HelpQueueAction.Take:
                throw new StudyRoomsException(ErrorCodes.Forbidden, "only the owner and mentors may take a request");
            case HelpQueueAction.Resolve when target == command.ActorId || actorRole >= RoomRole.Mentor:
                _helpQueue.Resolve(target);
                break;
            case HelpQueueAction.Resolve:
                throw new StudyRoomsException(ErrorCodes.Forbidden, "only the owner and mentors may resolve someone else's request");
            default:
                throw new StudyRoomsException(ErrorCodes.InvalidRequest, "unknown help queue action");
        }

        await AnnounceHelpQueueAsync();
        return _helpQueue.ToArray();
    }

    /// <summary>Raising (or re-noting) a hand: bursts of 5, then one every 5 s per user (P-HAND-2), on the presence clock.</summary>
    private TokenBucket HandBudget(string userId)
    {
        if (!_handBudgets.TryGetValue(userId, out var budget))
        {
            budget = new TokenBucket(ratePerSecond: 0.2, burst: 5, PresenceClock);
            _handBudgets[userId] = budget;
        }

        return budget;
    }

    /// <summary>A hand goes down when its user leaves the room, however they left (P-HAND-4).</summary>
    private async Task DropHandAsync(string userId)
    {
        _handBudgets.Remove(userId);
        if (_helpQueue.Drop(userId))
        {
            await AnnounceHelpQueueAsync();
        }
    }

    private Task AnnounceHelpQueueAsync() =>
        AnnounceAsync(() => broadcaster.HelpQueueChangedAsync(new HelpQueueChanged { RoomId = RoomId, Requests = _helpQueue.ToArray() }));
}
