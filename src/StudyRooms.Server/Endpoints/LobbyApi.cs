using StudyRooms.Contracts.Lobby;
using StudyRooms.Contracts.Protocol;
using StudyRooms.Contracts.Rooms;
using StudyRooms.Contracts.Sprints;
using StudyRooms.Grains.Rooms;
using StudyRooms.Server.Auth;

namespace StudyRooms.Server.Endpoints;

/// <summary>The lobby's "Your rooms": rooms the caller owns or joined, with live occupancy and sprint (P-LOBBY-1, P-LOBBY-2).</summary>
public static class LobbyApi
{
    public static IEndpointRouteBuilder MapLobbyApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/me/rooms", ListMyRooms).RequireAuthorization();
        app.MapDelete("/api/me/rooms/{roomId}", ForgetRoom).RequireAuthorization();
        return app;
    }

    private static async Task<IResult> ListMyRooms(HttpContext http, IGrainFactory grains)
    {
        var user = StudyRoomsUser.From(http.User);
        var list = grains.GetGrain<IUserRoomsGrain>(user.UserId);
        var remembered = await list.ListAsync();

        // One call per room, all at once; the sprint only where someone is present to study in it.
        var rooms = await Task.WhenAll(remembered.Select(async visit =>
        {
            var summary = await grains.GetGrain<IRoomGrain>(visit.RoomId).GetSummaryForAsync(user.UserId);
            if (summary is null)
            {
                return (visit.RoomId, Room: (MyRoom?)null);
            }

            var sprint = summary.Occupancy > 0 ? Summarize(await grains.GetGrain<ISprintGrain>(visit.RoomId).GetAsync()) : null;
            return (visit.RoomId, Room: new MyRoom
            {
                RoomId = summary.RoomId,
                Name = summary.Name,
                Topic = summary.Topic,
                Tags = summary.Tags,
                Link = summary.Link,
                IsPublic = summary.IsPublic,
                InviteOnly = summary.InviteOnly,
                Role = summary.Role,
                Occupancy = summary.Occupancy,
                Capacity = summary.Capacity,
                VisitedAt = visit.VisitedAt,
                Sprint = sprint,
            });
        }));

        // Rooms that are gone, banned the caller or closed to them drop off the list for good.
        var gone = rooms.Where(r => r.Room is null).Select(r => r.RoomId).ToArray();
        if (gone.Length > 0)
        {
            await list.ForgetAsync(gone);
        }

        return Results.Ok(new { rooms = rooms.Where(r => r.Room is not null).Select(r => r.Room).ToArray() });
    }

    private static async Task<IResult> ForgetRoom(string roomId, HttpContext http, IGrainFactory grains)
    {
        if (!RoomRules.IsRoomId(roomId))
        {
            return Problems.Of(StatusCodes.Status404NotFound, ErrorCodes.RoomNotFound, "no room has this id");
        }

        await grains.GetGrain<IUserRoomsGrain>(StudyRoomsUser.From(http.User).UserId).ForgetAsync([roomId]);
        return Results.NoContent();
    }

    /// <summary>The phase and time left of a running or paused sprint; null otherwise.</summary>
    public static SprintSummary? Summarize(SprintSnapshot sprint)
    {
        var elapsed = sprint.Status switch
        {
            SprintStatus.Running => sprint.ServerTime - sprint.PhaseStartedAt,
            SprintStatus.Paused when sprint.PausedAt is { } pausedAt => pausedAt - sprint.PhaseStartedAt,
            _ => (TimeSpan?)null,
        };
        return elapsed is { } e
            ? new SprintSummary
            {
                Status = sprint.Status,
                PhaseKind = sprint.PhaseKind,
                RemainingMs = Math.Max(0, sprint.PhaseDurationMs - (long)e.TotalMilliseconds),
            }
            : null;
    }
}
