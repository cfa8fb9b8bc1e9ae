using StudyRooms.Contracts.Rooms;

namespace StudyRooms.Grains.Rooms;

/// <summary>The room's answer to the resource shelf: who the caller is here (P-RES-5).</summary>
public sealed partial class RoomGrain
{
    public Task<ResourceAccess> GetResourceAccessAsync(string userId, string? connectionId)
    {
        var exists = state.State.Exists;
        var banned = exists && state.State.Banned.Contains(userId);
        var present = _present.TryGetValue(userId, out var user);
        var inRoom = connectionId is null
            ? (present && user!.Connections.Count > 0) || HasPlace(userId)
            : present && user!.Connections.ContainsKey(connectionId);
        return Task.FromResult(new ResourceAccess
        {
            Found = exists && (!state.State.InviteOnly || HasPlace(userId)),
            Banned = banned,
            InRoom = exists && !banned && inRoom,
            Role = present ? EffectiveRole(user!) : RoleOf(userId),
            ReadOnly = state.State.ReadOnly,
        });
    }
}
