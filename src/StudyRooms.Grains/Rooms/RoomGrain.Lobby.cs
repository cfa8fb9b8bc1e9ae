using StudyRooms.Contracts.Lobby;

namespace StudyRooms.Grains.Rooms;

/// <summary>The lobby's view of the room (P-LOBBY-1): a summary per user, and remembering who came in.</summary>
public sealed partial class RoomGrain
{
    public Task<RoomSummary?> GetSummaryForAsync(string userId) =>
        Task.FromResult(
            !state.State.Exists || state.State.Banned.Contains(userId) || (state.State.InviteOnly && !HasPlace(userId))
                ? null
                : new RoomSummary
                {
                    RoomId = RoomId,
                    Name = state.State.Name,
                    Topic = state.State.Topic,
                    Tags = state.State.Tags.ToArray(),
                    Link = RoomRules.LinkFor(RoomId),
                    IsPublic = state.State.IsPublic,
                    InviteOnly = state.State.InviteOnly,
                    Role = RoleOf(userId),
                    Occupancy = _present.Count,
                    Capacity = Capacity,
                });

    /// <summary>
    /// Puts the room on the user's list. One-way, so the join or create that calls it does not wait;
    /// a failure to send is logged and the room still works (the next visit tries again).
    /// </summary>
    private void RememberVisit(string userId)
    {
        try
        {
            _ = GrainFactory.GetGrain<IUserRoomsGrain>(userId).RememberAsync(new UserRoom { RoomId = RoomId, VisitedAt = time.GetUtcNow() });
        }
        catch (Exception exception)
        {
            Lobby.LobbyLog.RememberFailed(logger, exception, RoomId, userId);
        }
    }
}
