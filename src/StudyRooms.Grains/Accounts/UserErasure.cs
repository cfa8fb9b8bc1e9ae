using StudyRooms.Contracts.Accounts;
using StudyRooms.Contracts.Lobby;
using StudyRooms.Contracts.Stats;
using StudyRooms.Grains.Erasure;
using StudyRooms.Grains.Rooms;

namespace StudyRooms.Grains.Accounts;

/// <summary>
/// The parts of a user's data that deleting the user erases (P-ACCT-4), in order: the account, the
/// user's part of every room on their footprint (<see cref="RoomUserErasure"/>; rooms they own are
/// deleted), their stats, their lobby list, and last the footprint itself, which the room step
/// reads. Each part is erased by the grain that owns it. Every step is idempotent:
/// <see cref="DeletedUserGrain"/> runs the whole list again after a failure.
/// </summary>
/// <remarks>
/// The host may register its own <see cref="UserErasure"/> (tests do, to fail a step on purpose);
/// otherwise <see cref="Default"/>.
/// </remarks>
public sealed class UserErasure(IReadOnlyList<ErasureStep<DeleteUserCommand>> steps) : ErasureSteps<DeleteUserCommand>(steps)
{
    public static UserErasure Default => new(DefaultSteps);

    public static IReadOnlyList<ErasureStep<DeleteUserCommand>> DefaultSteps { get; } =
    [
        new("account", static async (grains, user) =>
        {
            // The username given with the request, and any the footprint noted at sign-up or sign-in,
            // so an account is erased even when the request does not name it. Each account erases
            // itself only when it belongs to this user.
            var usernames = (await grains.GetGrain<IUserFootprintGrain>(user.UserId).ListAccountsAsync())
                .Union(user.Username is { Length: > 0 } given ? [given] : [], StringComparer.Ordinal);
            foreach (var username in usernames)
            {
                await grains.GetGrain<IAccountGrain>(username).EraseAsync(user.UserId);
            }
        }),
        new("rooms", static async (grains, user) =>
        {
            // The footprint, and the lobby list too for rooms entered before footprints were kept.
            var roomIds = (await grains.GetGrain<IUserFootprintGrain>(user.UserId).ListAsync())
                .Union((await grains.GetGrain<IUserRoomsGrain>(user.UserId).ListAsync()).Select(room => room.RoomId), StringComparer.Ordinal);
            foreach (var roomId in roomIds)
            {
                await RoomUserErasure.Default.RunAsync(grains, new RoomUser(roomId, user.UserId), static _ => { });
            }
        }),
        new("stats", static (grains, user) => grains.GetGrain<IUserStatsGrain>(user.UserId).EraseAsync()),
        new("your rooms", static (grains, user) => grains.GetGrain<IUserRoomsGrain>(user.UserId).EraseAsync()),
        new("footprint", static (grains, user) => grains.GetGrain<IUserFootprintGrain>(user.UserId).EraseAsync()),
    ];
}
