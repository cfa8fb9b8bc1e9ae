using StudyRooms.Contracts.Discovery;
using StudyRooms.Contracts.Protocol;

namespace StudyRooms.Server.Endpoints;

/// <summary>GET /api/directory: public rooms with live occupancy, busiest first, by text and tag, in pages (P-DIR-1, P-DIR-2).</summary>
public static class DirectoryApi
{
    public const int DefaultLimit = 50;

    public const int MaxOffset = 10_000;

    public static IEndpointRouteBuilder MapDirectoryApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/directory", Search).RequireAuthorization();
        return app;
    }

    private static async Task<IResult> Search(string? q, string? tag, int? offset, int? limit, IGrainFactory grains)
    {
        if (tag?.Length > 30 || offset is < 0 or > MaxOffset)
        {
            return Problems.Of(StatusCodes.Status400BadRequest, ErrorCodes.InvalidRequest, $"tag is at most 30 characters and offset 0 to {MaxOffset}");
        }

        var page = await grains.GetGrain<IRoomDirectoryGrain>(0).QueryAsync(new DirectoryQuery
        {
            Text = q?.Length > 80 ? q[..80] : q,
            Tag = tag,
            Offset = offset ?? 0,
            Limit = limit ?? DefaultLimit,
        });
        return Results.Ok(new { rooms = page.Rooms, total = page.Total, tags = page.Tags });
    }
}
