using StudyRooms.Contracts.Boards;
using StudyRooms.Contracts.Protocol;
using StudyRooms.Contracts.Rooms;
using StudyRooms.Grains.Rooms;
using StudyRooms.Server.Auth;

namespace StudyRooms.Server.Endpoints;

/// <summary>
/// Board export and import over HTTP (docs/protocol.md P-EXP-*). Any signed-in user who knows the
/// room id is a member until roles exist; everything else answers 404 ROOM_NOT_FOUND. PNG export
/// is drawn by the web client from its canvas.
/// </summary>
public static class BoardsApi
{
    public static IEndpointRouteBuilder MapBoardsApi(this IEndpointRouteBuilder app)
    {
        var boards = app.MapGroup("/api/rooms/{roomId}").RequireAuthorization();
        boards.MapGet("/board.json", ExportJson);
        boards.MapGet("/board.svg", ExportSvg);
        boards.MapPost("/board.json", Import);
        return app;
    }

    private static async Task<IResult> ExportJson(string roomId, IGrainFactory grains)
    {
        if (await BoardOfAsync(roomId, grains) is not { } board)
        {
            return NotFound();
        }

        var snapshot = await board.GetSnapshotAsync();
        return Results.Ok(new BoardExport { RoomId = roomId, Clock = snapshot.Clock, Elements = snapshot.Elements });
    }

    private static async Task<IResult> ExportSvg(string roomId, IGrainFactory grains)
    {
        if (await BoardOfAsync(roomId, grains) is not { } board)
        {
            return NotFound();
        }

        var snapshot = await board.GetSnapshotAsync();
        return Results.Text(BoardSvg.Render(snapshot.Elements), "image/svg+xml; charset=utf-8");
    }

    private static async Task<IResult> Import(string roomId, BoardExport? file, HttpContext http, IGrainFactory grains)
    {
        if (await BoardOfAsync(roomId, grains) is not { } board)
        {
            return NotFound();
        }

        try
        {
            var result = await board.ImportAsync(new ImportBoardCommand
            {
                UserId = StudyRoomsUser.From(http.User).UserId,
                Elements = file?.Elements ?? [],
            });
            return Results.Ok(result);
        }
        catch (StudyRoomsException e)
        {
            return Problems.From(e);
        }
    }

    private static async Task<IBoardGrain?> BoardOfAsync(string roomId, IGrainFactory grains) =>
        RoomRules.IsRoomId(roomId) && await grains.GetGrain<IRoomGrain>(roomId).GetAsync() is not null
            ? grains.GetGrain<IBoardGrain>(roomId)
            : null;

    private static IResult NotFound() =>
        Problems.Of(StatusCodes.Status404NotFound, ErrorCodes.RoomNotFound, "no room has this id");
}
