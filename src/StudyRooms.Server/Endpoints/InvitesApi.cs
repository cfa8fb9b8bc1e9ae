using StudyRooms.Contracts.Invites;
using StudyRooms.Contracts.Protocol;
using StudyRooms.Contracts.Rooms;
using StudyRooms.Grains.Rooms;
using StudyRooms.Server.Auth;

namespace StudyRooms.Server.Endpoints;

/// <summary>Invite links over HTTP: the owner creates, lists, revokes and rotates; anyone signed in accepts (P-INV-1..4).</summary>
public static class InvitesApi
{
    public static IEndpointRouteBuilder MapInvitesApi(this IEndpointRouteBuilder app)
    {
        var invites = app.MapGroup("/api/rooms/{roomId}/invites").RequireAuthorization();
        invites.MapPost("/", CreateInvite).RequireRateLimiting(RateLimits.PerUser);
        invites.MapGet("/", ListInvites);
        invites.MapDelete("/{code}", RevokeInvite);
        invites.MapPost("/{code}/rotate", RotateInvite).RequireRateLimiting(RateLimits.PerUser);
        app.MapPost("/api/invites/{code}/accept", AcceptInvite).RequireAuthorization().RequireRateLimiting(RateLimits.PerUser);
        return app;
    }

    private static Task<IResult> CreateInvite(string roomId, CreateInviteRequest? request, HttpContext http, IGrainFactory grains) =>
        CallAsync(roomId, async room =>
        {
            var invite = await room.CreateInviteAsync(new CreateInviteCommand
            {
                ActorId = StudyRoomsUser.From(http.User).UserId,
                Role = request?.Role ?? RoomRole.Member,
                ExpiresInMinutes = request?.ExpiresInMinutes,
                MaxUses = request?.MaxUses,
            });
            return Results.Created(invite.Link, invite);
        }, grains);

    private static Task<IResult> ListInvites(string roomId, HttpContext http, IGrainFactory grains) =>
        CallAsync(roomId, async room => Results.Ok(await room.ListInvitesAsync(StudyRoomsUser.From(http.User).UserId)), grains);

    private static Task<IResult> RevokeInvite(string roomId, string code, HttpContext http, IGrainFactory grains) =>
        CallAsync(roomId, async room =>
        {
            await room.RevokeInviteAsync(new InviteCommand { ActorId = StudyRoomsUser.From(http.User).UserId, Code = code });
            return Results.NoContent();
        }, grains);

    private static Task<IResult> RotateInvite(string roomId, string code, HttpContext http, IGrainFactory grains) =>
        CallAsync(roomId, async room => Results.Ok(await room.RotateInviteAsync(new InviteCommand { ActorId = StudyRoomsUser.From(http.User).UserId, Code = code })), grains);

    private static async Task<IResult> AcceptInvite(string code, HttpContext http, IGrainFactory grains)
    {
        if (RoomInvites.RoomIdOf(code) is not { } roomId)
        {
            return Problems.From(RoomInvites.Invalid());
        }

        return await CallAsync(roomId, async room => Results.Ok(await room.AcceptInviteAsync(new InviteCommand { ActorId = StudyRoomsUser.From(http.User).UserId, Code = code })), grains);
    }

    private static async Task<IResult> CallAsync(string roomId, Func<IRoomGrain, Task<IResult>> call, IGrainFactory grains)
    {
        if (!RoomRules.IsRoomId(roomId))
        {
            return Problems.Of(StatusCodes.Status404NotFound, ErrorCodes.RoomNotFound, "no room has this id");
        }

        try
        {
            return await call(grains.GetGrain<IRoomGrain>(roomId));
        }
        catch (StudyRoomsException e)
        {
            return Problems.From(e);
        }
    }
}
