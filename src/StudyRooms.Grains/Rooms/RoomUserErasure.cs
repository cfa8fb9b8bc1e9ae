using StudyRooms.Contracts.Boards;
using StudyRooms.Contracts.Chat;
using StudyRooms.Contracts.Resources;
using StudyRooms.Contracts.Rooms;
using StudyRooms.Contracts.Sprints;
using StudyRooms.Contracts.Stats;
using StudyRooms.Grains.Erasure;

namespace StudyRooms.Grains.Rooms;

/// <summary>
/// What deleting a user (P-ACCT-4) does to one room the user has data in, in order, each step by the
/// grain that owns the part and idempotent, so the user's erasure runs the list again after a failure.
/// What others see stays and loses its author (chat messages, board elements and ops, pinned
/// resources show <c>DeletedUsers.MarkerId</c>); what is only about the user goes (role, ban, mute,
/// presence, sprint membership, goals, recaps, leaderboard entries, mentions, reactions, read
/// position). A room the user owns is deleted whole by the first step; the last tells the room's open
/// pages (<c>UserErased</c>, P-ACCT-5).
/// </summary>
/// <remarks>A new kind of per-room data that names users adds its step here (and to <see cref="RoomErasure"/>).</remarks>
public sealed class RoomUserErasure(IReadOnlyList<ErasureStep<RoomUser>> steps) : ErasureSteps<RoomUser>(steps)
{
    public static RoomUserErasure Default => new(DefaultSteps);

    /// <summary>
    /// The room first (an owned room is deleted there and the rest are no-ops), then the sprint, so
    /// no block ends and credits the user after the leaderboard forgot them.
    /// </summary>
    public static IReadOnlyList<ErasureStep<RoomUser>> DefaultSteps { get; } =
    [
        new("room", static (grains, at) => grains.GetGrain<IRoomGrain>(at.RoomId).ForgetUserAsync(at.UserId)),
        new("sprint", static (grains, at) => grains.GetGrain<ISprintGrain>(at.RoomId).ForgetUserAsync(at.UserId)),
        new("leaderboard", static (grains, at) => grains.GetGrain<IRoomLeaderboardGrain>(at.RoomId).ForgetUserAsync(at.UserId)),
        new("chat", static (grains, at) => grains.GetGrain<IChatGrain>(at.RoomId).ForgetUserAsync(at.UserId)),
        new("board", static (grains, at) => grains.GetGrain<IBoardGrain>(at.RoomId).ForgetUserAsync(at.UserId)),
        new("resources", static (grains, at) => grains.GetGrain<IRoomResourcesGrain>(at.RoomId).ForgetUserAsync(at.UserId)),
        new("room users", static (grains, at) => grains.GetGrain<IRoomUsersGrain>(at.RoomId).ForgetUserAsync(at.UserId)),
        // Last, once every part shows the marker: open pages that rename the user now read nothing older (P-ACCT-5).
        new("announce", static (grains, at) => grains.GetGrain<IRoomGrain>(at.RoomId).AnnounceUserErasedAsync(at.UserId)),
    ];
}
