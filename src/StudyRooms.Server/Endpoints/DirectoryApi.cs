using StudyRooms.Contracts.Discovery;

namespace StudyRooms.Server.Endpoints;

/// <summary>GET /api/directory: public rooms with live occupancy, busiest first (P-DIR-1).</summary>
public static class DirectoryApi
{
    public const int DefaultLimit = 50;

    public static IEndpointRouteBuilder MapDirectoryApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/directory", Search).RequireAuthorization();
        return app;
    }

    private static async Task<IResult> Search(string? q, int? limit, IGrainFactory grains) =>
        Results.Ok(new { rooms = await grains.GetGrain<IRoomDirectoryGrain>(0).SearchAsync(q?.Length > 80 ? q[..80] : q, limit ?? DefaultLimit) });
}
