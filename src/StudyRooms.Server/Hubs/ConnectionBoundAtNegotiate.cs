using StudyRooms.Contracts.Protocol;
using StudyRooms.Server.Endpoints;
using StudyRooms.Server.Hosting;

namespace StudyRooms.Server.Hubs;

/// <summary>
/// Refuses the hub's negotiate request with 429 <c>TOO_MANY_CONNECTIONS</c> when its user already
/// holds <see cref="Options.StudyRoomsOptions.MaxConnectionsPerUser"/> connections on this server
/// (P-CONN-1), so a client that negotiates learns it before opening a socket. Advisory: a client
/// that skips negotiation, or races another connect, is still refused by <see cref="OpenConnections"/>.
/// </summary>
public static class ConnectionBoundAtNegotiate
{
    public static WebApplication UseConnectionBoundAtNegotiate(this WebApplication app)
    {
        var negotiate = StudyRoomsHostingExtensions.HubPath + "/negotiate";
        var open = app.Services.GetRequiredService<OpenConnections>();
        app.Use(async (http, next) =>
        {
            if (HttpMethods.IsPost(http.Request.Method)
                && http.Request.Path.Equals(negotiate, StringComparison.OrdinalIgnoreCase)
                && http.User.FindFirst(Auth.StudyRoomsUser.UserIdClaim)?.Value is { Length: > 0 } userId
                && open.IsFull(userId))
            {
                await Problems.Of(StatusCodes.Status429TooManyRequests, ErrorCodes.TooManyConnections, open.TooManyReason()).ExecuteAsync(http);
                return;
            }

            await next(http);
        });
        return app;
    }
}
