using Microsoft.Extensions.Logging;
using StudyRooms.Contracts.Lobby;
using StudyRooms.Grains.Activation;
using StudyRooms.Grains.Rooms;
using StudyRooms.Grains.Storage;

namespace StudyRooms.Grains.Lobby;

/// <summary>
/// The rooms a user owns or joined, for the lobby (P-LOBBY-1). Bounded to the <see cref="MaxRooms"/>
/// most recent: a student's list is short, and the lobby reads every entry's room on each load. Written
/// when the user joins a room and read when their lobby loads, so it does not stay active between calls
/// (<see cref="ShortLivedGrain"/>).
/// </summary>
public sealed class UserRoomsGrain(
    [PersistentState("userRooms", StorageNames.Rooms)] IPersistentState<UserRoomsState> state,
    ILogger<UserRoomsGrain> logger) : ShortLivedGrain, IUserRoomsGrain
{
    public const int MaxRooms = 50;

    public async Task RememberAsync(UserRoom visit)
    {
        if (!RoomRules.IsRoomId(visit.RoomId))
        {
            return;
        }

        var rooms = state.State.Rooms;
        var index = rooms.FindIndex(r => r.RoomId == visit.RoomId);
        if (index >= 0)
        {
            if (rooms[index].VisitedAt >= visit.VisitedAt)
            {
                return;
            }

            rooms.RemoveAt(index);
        }

        // Newest first by visit time: one-way calls may arrive out of order.
        var at = rooms.FindIndex(r => r.VisitedAt < visit.VisitedAt);
        rooms.Insert(at < 0 ? rooms.Count : at, visit);
        if (rooms.Count > MaxRooms)
        {
            rooms.RemoveRange(MaxRooms, rooms.Count - MaxRooms);
        }

        await WriteAsync();
    }

    public async Task ForgetAsync(string[] roomIds)
    {
        var forget = roomIds.ToHashSet(StringComparer.Ordinal);
        if (state.State.Rooms.RemoveAll(r => forget.Contains(r.RoomId)) > 0)
        {
            await WriteAsync();
        }
    }

    public async Task EraseAsync()
    {
        await state.ClearStateAsync();
        state.State = new UserRoomsState();
    }

    public Task<UserRoom[]> ListAsync() => Task.FromResult(state.State.Rooms.ToArray());

    private async Task WriteAsync()
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch (Exception exception)
        {
            // The list is a convenience: keep memory as it is and let the next visit write it again.
            LobbyLog.WriteFailed(logger, exception, this.GetPrimaryKeyString());
            throw;
        }
    }
}
