using Microsoft.Extensions.Options;
using StudyRooms.Contracts.Protocol;
using StudyRooms.Server.Endpoints;
using StudyRooms.Server.Options;

namespace StudyRooms.Server.Web;

/// <summary>
/// Refuses cross-origin WebSocket upgrades and state-changing requests (docs/security.md). Tokens
/// travel in headers, not cookies, so another site cannot borrow a session; this check closes the
/// rest: a hostile page cannot open the hub or post with a token it was handed. Requests without an
/// Origin header (non-browser clients) pass. CORS is not enabled, so browsers also refuse to let
/// another origin read any answer.
/// </summary>
public static class OriginCheck
{
    public static WebApplication UseStudyRoomsOriginCheck(this WebApplication app)
    {
        var allowed = app.Services.GetRequiredService<IOptions<OriginOptions>>().Value.Allowed
            .Select(origin => origin.TrimEnd('/'))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        app.Use((context, next) =>
        {
            var request = context.Request;
            // The upgrade header, not context.WebSockets: SignalR adds the WebSocket middleware only on its own route.
            var checkedRequest = request.Headers.Upgrade.ToString().Contains("websocket", StringComparison.OrdinalIgnoreCase)
                || !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method));
            if (checkedRequest && request.Headers.Origin is { Count: > 0 } origin && !IsAllowed(origin.ToString(), request, allowed))
            {
                return Problems.Of(StatusCodes.Status403Forbidden, ErrorCodes.Forbidden, "requests from another origin are refused").ExecuteAsync(context);
            }

            return next(context);
        });
        return app;
    }

    /// <summary>The request's own host, or an origin on the allow-list.</summary>
    public static bool IsAllowed(string origin, HttpRequest request, IReadOnlySet<string> allowed) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && (string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase) || allowed.Contains(origin.TrimEnd('/')));
}
