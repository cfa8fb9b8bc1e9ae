using StudyRooms.Contracts.Lobby;

namespace StudyRooms.Grains.Rooms;

/// <summary>The lobby's view of the room (P-LOBBY-1): a summary per user, and remembering who came in.</summary>
public sealed partial class RoomGrain
{
    /// <summary>Users present when the room was deleted: their lobby lists forget it too.</summary>
    private readonly HashSet<string> _evictedUsers = new(StringComparer.Ordinal);

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
    /// Takes a deleted room off the lists of every user the room knows (P-LIFE-4): its owner, the users
    /// it gave a role or banned, and those present when it was deleted. Anyone else who once visited
    /// keeps a dangling id until their lobby next lists it, which drops rooms that no longer exist
    /// (P-LOBBY-1).
    /// </summary>
    private async Task ForgetInUserListsAsync()
    {
        var users = new HashSet<string>(_evictedUsers, StringComparer.Ordinal) { state.State.OwnerId };
        users.UnionWith(state.State.Roles.Keys);
        users.UnionWith(state.State.Banned);
        users.Remove("");
        await Task.WhenAll(users.Select(userId => GrainFactory.GetGrain<IUserRoomsGrain>(userId).ForgetAsync([RoomId])));
    }

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
