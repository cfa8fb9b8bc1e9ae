using StudyRooms.Contracts.Accounts;
using StudyRooms.Contracts.Protocol;
using StudyRooms.Server.Auth;
using StudyRooms.Server.Hubs;

namespace StudyRooms.Server.Endpoints;

/// <summary>
/// DELETE /api/me: the signed-in user deletes themselves (P-ACCT-4). They type their display name to
/// confirm and name their password account if they have one; the server closes their hub
/// connections, erases their data (<c>DeletedUserGrain</c>) and refuses their tokens from then on.
/// </summary>
public static class MeApi
{
    public static IEndpointRouteBuilder MapMeApi(this IEndpointRouteBuilder app)
    {
        app.MapDelete("/api/me", DeleteMe)
            .RequireAuthorization()
            .RequireRateLimiting(RateLimits.PerUser);
        return app;
    }

    private static async Task<IResult> DeleteMe([FromJsonBody] DeleteMeRequest? request, HttpContext http, IGrainFactory grains, DeletedUserConnections connections, DeletedUserCheck check)
    {
        var user = StudyRoomsUser.From(http.User);
        if (!string.Equals(request?.DisplayName?.Trim(), user.DisplayName, StringComparison.Ordinal))
        {
            return Problems.Of(StatusCodes.Status400BadRequest, ErrorCodes.InvalidRequest, "type your display name exactly to confirm the deletion");
        }

        string? username = null;
        if (!string.IsNullOrWhiteSpace(request?.Username))
        {
            (username, var error) = AccountsApi.CleanUsername(request.Username);
            try
            {
                if (error is not null || (await grains.GetGrain<IAccountGrain>(username).GetCredentialsAsync())?.UserId != user.UserId)
                {
                    return Problems.Of(StatusCodes.Status400BadRequest, ErrorCodes.InvalidRequest, "no account of yours has this username");
                }
            }
            catch (StudyRoomsException e)
            {
                return Problems.From(e);
            }
        }

        // Out of every room first, so nothing the user does lands after the erasure; closed again
        // after it for a connection that opened in between (its token is refused from then on).
        await connections.CloseAsync(user.UserId);
        try
        {
            await grains.GetGrain<IDeletedUserGrain>(DeletedUsers.Key(user.UserId)).DeleteAsync(new DeleteUserCommand { UserId = user.UserId, Username = username });
        }
        finally
        {
            // Also when the erasure failed part way: the deletion may be stored, and then every
            // server must ask the grain again rather than trust its cached "not deleted".
            await check.ForgetAsync(user.UserId);
        }

        await connections.CloseAsync(user.UserId);
        return Results.NoContent();
    }
}
