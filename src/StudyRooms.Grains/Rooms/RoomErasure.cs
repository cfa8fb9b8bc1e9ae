using StudyRooms.Contracts.Boards;
using StudyRooms.Contracts.Chat;
using StudyRooms.Contracts.Discovery;
using StudyRooms.Contracts.Resources;
using StudyRooms.Contracts.Rooms;
using StudyRooms.Contracts.Sprints;
using StudyRooms.Contracts.Stats;
using StudyRooms.Grains.Erasure;

namespace StudyRooms.Grains.Rooms;

/// <summary>
/// The parts of a room's data that deleting the room erases (P-LIFE-4), in order. Each part is
/// erased by the grain that owns it (its stored data and its memory, then it deactivates), so no
/// activation keeps a copy that a later call could bring back. Every step is idempotent: the room
/// runs the whole list again after a failure, and parts already gone erase as a no-op. The room's
/// own record (settings, roles, bans, invites) goes last, in <see cref="RoomGrain"/>, after the
/// users' "your rooms" entries and the presence heartbeat record (Redis mode), which the room erases
/// itself; presence in memory goes when the room evicts everyone.
/// </summary>
/// <remarks>
/// A new kind of per-room data adds its step here. The host may register its own
/// <see cref="RoomErasure"/> (tests do, to fail a step on purpose); otherwise <see cref="Default"/>.
/// The subject of each step is the room id.
/// </remarks>
public sealed class RoomErasure(IReadOnlyList<ErasureStep<string>> steps) : ErasureSteps<string>(steps)
{
    public static RoomErasure Default => new(DefaultSteps);

    /// <summary>
    /// The sprint goes first, so no phase change locks the board, saves a history snapshot or
    /// credits the leaderboard after those were erased.
    /// </summary>
    public static IReadOnlyList<ErasureStep<string>> DefaultSteps { get; } =
    [
        new("sprint", static (grains, roomId) => grains.GetGrain<ISprintGrain>(roomId).EraseAsync()),
        new("board", static (grains, roomId) => grains.GetGrain<IBoardGrain>(roomId).EraseAsync()),
        new("chat", static (grains, roomId) => grains.GetGrain<IChatGrain>(roomId).EraseAsync()),
        new("leaderboard", static (grains, roomId) => grains.GetGrain<IRoomLeaderboardGrain>(roomId).EraseAsync()),
        new("resources", static (grains, roomId) => grains.GetGrain<IRoomResourcesGrain>(roomId).DeleteAllAsync()),
        new("directory", static (grains, roomId) => grains.GetGrain<IRoomDirectoryGrain>(0).ForgetAsync(roomId)),
        new("room users", static (grains, roomId) => grains.GetGrain<IRoomUsersGrain>(roomId).EraseAsync()),
    ];
}
