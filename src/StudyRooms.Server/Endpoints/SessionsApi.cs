using System.Security.Claims;
using StudyRooms.Contracts.Protocol;
using StudyRooms.Contracts.Sessions;
using StudyRooms.Grains.Rooms;
using StudyRooms.Server.Auth;

namespace StudyRooms.Server.Endpoints;

/// <summary>
/// POST /api/sessions: a display name in, a guest identity and token out (P-AUTH-1, P-AUTH-2);
/// POST /api/sessions/refresh: a still-valid token in, a fresh one for the same identity out (P-AUTH-3).
/// </summary>
public static class SessionsApi
{
    public static IEndpointRouteBuilder MapSessionsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/sessions", CreateSession)
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.Anonymous);
        app.MapPost("/api/sessions/refresh", RefreshSession)
            .RequireAuthorization()
            .RequireRateLimiting(RateLimits.PerUser);
        return app;
    }

    private static IResult CreateSession(CreateSessionRequest? request, TokenService tokens)
    {
        var (displayName, error) = RoomRules.CleanText(request?.DisplayName, "displayName", 1, RoomRules.MaxDisplayNameLength);
        return error is not null
            ? Problems.Of(StatusCodes.Status400BadRequest, ErrorCodes.InvalidDisplayName, error)
            : Results.Ok(tokens.CreateGuest(displayName!));
    }

    private static IResult RefreshSession(ClaimsPrincipal principal, TokenService tokens)
    {
        var userId = principal.FindFirst(StudyRoomsUser.UserIdClaim)?.Value;
        var displayName = principal.FindFirst(StudyRoomsUser.DisplayNameClaim)?.Value;
        return string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(displayName)
            ? Problems.Of(StatusCodes.Status401Unauthorized, ErrorCodes.Unauthenticated, "the token names no user")
            : Results.Ok(tokens.Issue(userId, displayName));
    }
}
