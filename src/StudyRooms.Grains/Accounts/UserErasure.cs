using StudyRooms.Contracts.Accounts;
using StudyRooms.Contracts.Lobby;
using StudyRooms.Contracts.Stats;
using StudyRooms.Grains.Erasure;

namespace StudyRooms.Grains.Accounts;

/// <summary>
/// The parts of a user's own data that deleting the user erases (P-ACCT-4), in order. Each part is
/// erased by the grain that owns it (stored data and memory, then it deactivates). Every step is
/// idempotent: <see cref="DeletedUserGrain"/> runs the whole list again after a failure.
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
        new("account", static (grains, user) => user.Username is { Length: > 0 } username
            ? grains.GetGrain<IAccountGrain>(username).EraseAsync(user.UserId)
            : Task.CompletedTask),
        new("stats", static (grains, user) => grains.GetGrain<IUserStatsGrain>(user.UserId).EraseAsync()),
        new("your rooms", static (grains, user) => grains.GetGrain<IUserRoomsGrain>(user.UserId).EraseAsync()),
    ];
}
