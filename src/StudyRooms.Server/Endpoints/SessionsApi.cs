using StudyRooms.Contracts.Protocol;
using StudyRooms.Contracts.Sessions;
using StudyRooms.Grains.Rooms;
using StudyRooms.Server.Auth;

namespace StudyRooms.Server.Endpoints;

/// <summary>POST /api/sessions: a display name in, a guest identity and token out (P-AUTH-1, P-AUTH-2).</summary>
public static class SessionsApi
{
    public static IEndpointRouteBuilder MapSessionsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/sessions", CreateSession)
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.Anonymous);
        return app;
    }

    private static IResult CreateSession(CreateSessionRequest? request, TokenService tokens)
    {
        var (displayName, error) = RoomRules.CleanText(request?.DisplayName, "displayName", 1, RoomRules.MaxDisplayNameLength);
        return error is not null
            ? Problems.Of(StatusCodes.Status400BadRequest, ErrorCodes.InvalidDisplayName, error)
            : Results.Ok(tokens.CreateGuest(displayName!));
    }
}
