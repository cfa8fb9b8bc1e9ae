using System.Buffers.Text;
using System.Security.Cryptography;
using StudyRooms.Contracts.Accounts;
using StudyRooms.Contracts.Protocol;
using StudyRooms.Contracts.Rooms;
using StudyRooms.Grains.Rooms;
using StudyRooms.Server.Auth;
using StudyRooms.Server.Options;

namespace StudyRooms.Server.Endpoints;

/// <summary>Rooms over HTTP: create one, look one up, archive, restore or delete it (the owner, P-LIFE-*).</summary>
public static class RoomsApi
{
    public static IEndpointRouteBuilder MapRoomsApi(this IEndpointRouteBuilder app)
    {
        var rooms = app.MapGroup("/api/rooms").RequireAuthorization();
        rooms.MapPost("/", CreateRoom).RequireRateLimiting(RateLimits.PerUser);
        rooms.MapGet("/{roomId}", GetRoom);
        rooms.MapPost("/{roomId}/archive", (string roomId, HttpContext http, IGrainFactory grains) => SetArchived(roomId, archived: true, http, grains))
            .RequireRateLimiting(RateLimits.PerUser);
        rooms.MapPost("/{roomId}/restore", (string roomId, HttpContext http, IGrainFactory grains) => SetArchived(roomId, archived: false, http, grains))
            .RequireRateLimiting(RateLimits.PerUser);
        rooms.MapDelete("/{roomId}", DeleteRoom).RequireRateLimiting(RateLimits.PerUser);
        return app;
    }

    /// <summary>A new room id: 128 random bits, 22 url-safe characters (P-ROOM-1).</summary>
    public static string NewRoomId() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    /// <summary>
    /// Counts the room as its owner's before creating it, so a user owns at most
    /// <see cref="RateLimitOptions.MaxOwnedRoomsPerUser"/> rooms (P-LIFE-7): past the bound nothing is
    /// created; a creation that fails gives its place back.
    /// </summary>
    private static async Task<IResult> CreateRoom(CreateRoomRequest? request, HttpContext http, IGrainFactory grains, RateLimitOptions limits)
    {
        var user = StudyRoomsUser.From(http.User);
        var roomId = NewRoomId();
        var footprint = grains.GetGrain<IUserFootprintGrain>(user.UserId);
        if (!await footprint.ReserveOwnedRoomAsync(roomId, limits.MaxOwnedRoomsPerUser))
        {
            return Problems.Of(
                StatusCodes.Status409Conflict,
                ErrorCodes.TooManyRooms,
                $"you own {limits.MaxOwnedRoomsPerUser} rooms, the most this server allows; delete one of them first (archived rooms count too)");
        }

        var created = false;
        try
        {
            var room = await grains.GetGrain<IRoomGrain>(roomId).CreateAsync(new CreateRoomCommand
            {
                Name = request?.Name,
                Topic = request?.Topic,
                Description = request?.Description,
                IsPublic = request?.IsPublic ?? false,
                Capacity = request?.Capacity,
                Tags = request?.Tags,
                InviteOnly = request?.InviteOnly ?? false,
                OverflowAsViewers = request?.OverflowAsViewers ?? false,
                OwnerId = user.UserId,
            });
            created = true;
            return Results.Created(room.Link, room);
        }
        catch (StudyRoomsException e)
        {
            return Problems.From(e);
        }
        finally
        {
            if (!created)
            {
                await footprint.ReleaseOwnedRoomAsync(roomId);
            }
        }
    }

    private static async Task<IResult> SetArchived(string roomId, bool archived, HttpContext http, IGrainFactory grains)
    {
        if (!RoomRules.IsRoomId(roomId))
        {
            return Problems.Of(StatusCodes.Status404NotFound, ErrorCodes.RoomNotFound, "no room has this id");
        }

        try
        {
            var actorId = StudyRoomsUser.From(http.User).UserId;
            return Results.Ok(await grains.GetGrain<IRoomGrain>(roomId).SetArchivedAsync(new SetArchivedCommand { ActorId = actorId, Archived = archived }));
        }
        catch (StudyRoomsException e)
        {
            return Problems.From(e);
        }
    }

    /// <summary>The body carries the room's name as typed by the owner (P-LIFE-3); 204 once every part is erased.</summary>
    private static async Task<IResult> DeleteRoom(string roomId, [FromJsonBody] DeleteRoomRequest? request, HttpContext http, IGrainFactory grains)
    {
        if (!RoomRules.IsRoomId(roomId))
        {
            return Problems.Of(StatusCodes.Status404NotFound, ErrorCodes.RoomNotFound, "no room has this id");
        }

        try
        {
            var actorId = StudyRoomsUser.From(http.User).UserId;
            await grains.GetGrain<IRoomGrain>(roomId).DeleteAsync(new DeleteRoomCommand { ActorId = actorId, ConfirmName = request?.Name });
            return Results.NoContent();
        }
        catch (StudyRoomsException e)
        {
            return Problems.From(e);
        }
    }

    private static async Task<IResult> GetRoom(string roomId, HttpContext http, IGrainFactory grains)
    {
        var user = StudyRoomsUser.From(http.User);
        var room = RoomRules.IsRoomId(roomId) ? await grains.GetGrain<IRoomGrain>(roomId).GetForAsync(user.UserId) : null;
        return room is null
            ? Problems.Of(StatusCodes.Status404NotFound, ErrorCodes.RoomNotFound, "no room has this id")
            : Results.Ok(room);
    }
}
