using StudyRooms.Contracts.Protocol;
using StudyRooms.Contracts.Rooms;
using StudyRooms.Contracts.Stats;
using StudyRooms.Grains.Rooms;
using StudyRooms.Grains.Stats;
using StudyRooms.Server.Auth;

namespace StudyRooms.Server.Endpoints;

/// <summary>Study stats over HTTP: the caller's own figures (P-STATS-1, P-STATS-2) and room leaderboards (P-STATS-3).</summary>
public static class StatsApi
{
    public const int DefaultLeaderboardLimit = 10;

    public static IEndpointRouteBuilder MapStatsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/me/stats", GetMyStats).RequireAuthorization();
        app.MapGet("/api/rooms/{roomId}/leaderboard", GetLeaderboard).RequireAuthorization();
        return app;
    }

    private static async Task<IResult> GetMyStats(string? tz, HttpContext http, IGrainFactory grains)
    {
        var user = StudyRoomsUser.From(http.User);
        if (!StudyTimeZones.TryResolve(tz, out _))
        {
            return Problems.Of(StatusCodes.Status400BadRequest, ErrorCodes.InvalidTimeZone, "tz must be a known IANA time zone id such as Europe/Berlin");
        }

        try
        {
            return Results.Ok(await grains.GetGrain<IUserStatsGrain>(user.UserId).GetStatsAsync(tz!));
        }
        catch (StudyRoomsException e)
        {
            return Problems.From(e);
        }
    }

    private static async Task<IResult> GetLeaderboard(string roomId, string? period, int? limit, HttpContext http, IGrainFactory grains)
    {
        var user = StudyRoomsUser.From(http.User);
        LeaderboardPeriod? chosen = period switch
        {
            null or "week" => LeaderboardPeriod.Week,
            "all" => LeaderboardPeriod.All,
            _ => null,
        };
        if (chosen is null)
        {
            return Problems.Of(StatusCodes.Status400BadRequest, ErrorCodes.InvalidRequest, "period must be week or all");
        }

        // The same visibility as GET /api/rooms/{roomId}: a private room is unknown to outsiders (P-INV-4).
        var room = RoomRules.IsRoomId(roomId) ? await grains.GetGrain<IRoomGrain>(roomId).GetForAsync(user.UserId) : null;
        if (room is null)
        {
            return Problems.Of(StatusCodes.Status404NotFound, ErrorCodes.RoomNotFound, "no room has this id");
        }

        return Results.Ok(await grains.GetGrain<IRoomLeaderboardGrain>(roomId).GetLeaderboardAsync(chosen.Value, limit ?? DefaultLeaderboardLimit));
    }
}
