namespace StudyRooms.Server.Web;

/// <summary>Serves the built web client (wwwroot/ beside the server) with safe headers.</summary>
public static class WebClient
{
    /// <summary>Where the build puts the web client: wwwroot/ next to the server assembly.</summary>
    public static string RootPath => Path.Combine(AppContext.BaseDirectory, "wwwroot");

    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "connect-src 'self' ws: wss:; font-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'";

    public static WebApplication UseStudyRoomsSecurityHeaders(this WebApplication app)
    {
        app.Use(static (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            return next(context);
        });
        return app;
    }

    public static WebApplication UseStudyRoomsWebClient(this WebApplication app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = static ctx =>
            {
                // Hashed bundles never change; the page itself must always be revalidated.
                ctx.Context.Response.Headers.CacheControl = ctx.Context.Request.Path.StartsWithSegments("/assets")
                    ? "public, max-age=31536000, immutable"
                    : "no-cache";
            },
        });
        return app;
    }

    public static IEndpointRouteBuilder MapStudyRoomsWebClient(this IEndpointRouteBuilder app)
    {
        // Room links (P-ROOM-2) open the single-page client.
        app.MapFallbackToFile("/r/{roomId}", "index.html");
        // Invite links (P-INV-1) too: the client accepts the invite, then opens the room.
        app.MapFallbackToFile("/i/{code}", "index.html");
        return app;
    }
}
