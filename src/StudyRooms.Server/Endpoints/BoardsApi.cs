using StudyRooms.Contracts.Boards;
using StudyRooms.Contracts.Protocol;
using StudyRooms.Contracts.Rooms;
using StudyRooms.Grains.Rooms;
using StudyRooms.Server.Auth;

namespace StudyRooms.Server.Endpoints;

/// <summary>
/// Board export and import over HTTP (docs/protocol.md P-EXP-*). Export needs what reading the room
/// needs, import what editing its board needs (docs/security.md): a room the caller may not see
/// (unknown, invite-only without a place, banned) answers 404 ROOM_NOT_FOUND, like an unknown one; a
/// viewer's import, or a member's in a read-only room, 403 FORBIDDEN. PNG export is drawn by the web
/// client from its canvas.
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

    private static async Task<IResult> ExportJson(string roomId, HttpContext http, IGrainFactory grains)
    {
        if (await BoardOfAsync(roomId, http, grains) is not ({ } board, _))
        {
            return NotFound();
        }

        var snapshot = await board.GetSnapshotAsync();
        return Results.Ok(new BoardExport { RoomId = roomId, Clock = snapshot.Clock, Elements = snapshot.Elements });
    }

    private static async Task<IResult> ExportSvg(string roomId, HttpContext http, IGrainFactory grains)
    {
        if (await BoardOfAsync(roomId, http, grains) is not ({ } board, _))
        {
            return NotFound();
        }

        var snapshot = await board.GetSnapshotAsync();
        return Results.Text(BoardSvg.Render(snapshot.Elements), "image/svg+xml; charset=utf-8");
    }

    private static async Task<IResult> Import(string roomId, BoardExport? file, HttpContext http, IGrainFactory grains)
    {
        if (await BoardOfAsync(roomId, http, grains) is not ({ } board, var role))
        {
            return NotFound();
        }

        // As PushOps (P-MOD-5, P-MOD-6): members and above; in a read-only room the owner and mentors.
        var readOnly = (await grains.GetGrain<IRoomGrain>(roomId).GetAsync())?.ReadOnly ?? true;
        if (role < RoomRole.Member || (readOnly && role < RoomRole.Mentor))
        {
            return Problems.Of(StatusCodes.Status403Forbidden, ErrorCodes.Forbidden, role < RoomRole.Member
                ? "viewers cannot edit the board"
                : "the room is read-only; only the owner and mentors may edit");
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

    /// <summary>The room's board and the caller's role, when the caller may read the room; else null.</summary>
    private static async Task<(IBoardGrain Board, RoomRole Role)?> BoardOfAsync(string roomId, HttpContext http, IGrainFactory grains) =>
        RoomRules.IsRoomId(roomId) && await grains.GetGrain<IRoomGrain>(roomId).GetRoleForAsync(StudyRoomsUser.From(http.User).UserId) is { } role
            ? (grains.GetGrain<IBoardGrain>(roomId), role)
            : null;

    private static IResult NotFound() =>
        Problems.Of(StatusCodes.Status404NotFound, ErrorCodes.RoomNotFound, "no room has this id");
}
