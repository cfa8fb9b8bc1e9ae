using StudyRooms.Contracts.Protocol;

namespace StudyRooms.Server.Endpoints;

/// <summary>Problem details with a stable <c>code</c> member (P-ERR-2).</summary>
public static class Problems
{
    public static IResult Of(int status, string code, string detail) =>
        Results.Problem(
            statusCode: status,
            title: code,
            detail: detail,
            extensions: new Dictionary<string, object?> { ["code"] = code });

    public static IResult From(StudyRoomsException e) => e.Code switch
    {
        ErrorCodes.RoomNotFound or ErrorCodes.InviteInvalid => Of(StatusCodes.Status404NotFound, e.Code, e.Reason),
        ErrorCodes.RoomExists => Of(StatusCodes.Status409Conflict, e.Code, e.Reason),
        ErrorCodes.Forbidden or ErrorCodes.Banned => Of(StatusCodes.Status403Forbidden, e.Code, e.Reason),
        ErrorCodes.RoomArchived or ErrorCodes.SprintRunning => Of(StatusCodes.Status409Conflict, e.Code, e.Reason),
        ErrorCodes.RoomFull => Of(StatusCodes.Status409Conflict, e.Code, e.Reason),
        ErrorCodes.RateLimited => Of(StatusCodes.Status429TooManyRequests, e.Code, e.Reason),
        ErrorCodes.NotInRoom => Of(StatusCodes.Status403Forbidden, e.Code, e.Reason),
        ErrorCodes.ResourceNotFound => Of(StatusCodes.Status404NotFound, e.Code, e.Reason),
        ErrorCodes.TooManyRooms => Of(StatusCodes.Status409Conflict, e.Code, e.Reason),
        ErrorCodes.ShelfFull => Of(StatusCodes.Status409Conflict, e.Code, e.Reason),
        ErrorCodes.FileTooLarge => Of(StatusCodes.Status413PayloadTooLarge, e.Code, e.Reason),
        ErrorCodes.FileTypeNotAllowed => Of(StatusCodes.Status415UnsupportedMediaType, e.Code, e.Reason),
        _ => Of(StatusCodes.Status400BadRequest, e.Code, e.Reason),
    };
}
