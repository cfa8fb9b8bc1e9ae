using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;
using StudyRooms.Contracts.Protocol;
using StudyRooms.Contracts.Resources;
using StudyRooms.Grains.Resources;
using StudyRooms.Grains.Rooms;
using StudyRooms.Grains.Storage;
using StudyRooms.Server.Auth;
using StudyRooms.Server.Resources;

namespace StudyRooms.Server.Endpoints;

/// <summary>
/// File upload and download of a room's resource shelf (docs/protocol.md P-RES-6, P-RES-7, P-RES-9).
/// The shelf grain decides who may add and read; this endpoint streams the bytes to the file store,
/// checks them by content and only then lists them on the shelf.
/// </summary>
public static class ResourcesApi
{
    /// <summary>Download responses never run as a page of this origin, whatever they hold.</summary>
    private const string DownloadPolicy = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox";

    public static IEndpointRouteBuilder MapResourcesApi(this IEndpointRouteBuilder app)
    {
        var files = app.MapGroup("/api/rooms/{roomId}/files").RequireAuthorization();
        files.MapPost("/", UploadAsync);
        files.MapGet("/{blobId}", DownloadAsync);
        return app;
    }

    /// <summary>The body is the file's bytes; <c>?name=</c> its name (P-RES-6).</summary>
    private static async Task<IResult> UploadAsync(string roomId, string? name, HttpContext http, IGrainFactory grains, IResourceFileStore store, UploadSettings upload)
    {
        if (!RoomRules.IsRoomId(roomId))
        {
            return RoomNotFound();
        }

        if (!upload.Enabled)
        {
            return Problems.Of(StatusCodes.Status503ServiceUnavailable, ErrorCodes.UploadsDisabled, "this server keeps no uploaded files; links and notes still work");
        }

        var shelf = grains.GetGrain<IRoomResourcesGrain>(roomId);
        var actor = Actor(http);
        try
        {
            // Refuse before reading the body, so a refused upload costs no disk (P-RES-7).
            await shelf.CheckAddAsync(actor);
            if (http.Request.ContentLength > upload.MaxFileBytes)
            {
                throw TooLarge(upload);
            }

            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                // Counted below instead, so an over-long body gets the same clear answer with or without Content-Length.
                limit.MaxRequestBodySize = null;
            }

            var fileName = ResourceRules.CleanFileName(name, ResourceSettings.Default.MaxTitleLength);
            await using var pending = store.BeginWrite(roomId);
            var size = await CopyBoundedAsync(http.Request.Body, pending.Stream, upload.MaxFileBytes, http.RequestAborted);
            if (size == 0)
            {
                throw new StudyRoomsException(ErrorCodes.InvalidResource, "the file is empty");
            }

            var sniffed = FileSniffer.Sniff(pending.Stream, fileName, upload.MaxImageSide);
            var blobId = ResourceRules.NewBlobId();
            await store.CommitAsync(pending, blobId);
            var file = new ResourceFile { BlobId = blobId, Name = fileName, Size = size, ContentType = sniffed.ContentType, Width = sniffed.Width, Height = sniffed.Height };
            try
            {
                var item = await shelf.AddFileAsync(actor, new AddFileCommand { File = file });
                return Results.Created($"/api/rooms/{roomId}/files/{blobId}", item);
            }
            catch
            {
                // Not listed means not kept: a refused or failed add leaves no file behind.
                await store.DeleteAsync(roomId, blobId);
                throw;
            }
        }
        catch (StudyRoomsException e)
        {
            return Problems.From(e);
        }
    }

    private static async Task<IResult> DownloadAsync(string roomId, string blobId, HttpContext http, IGrainFactory grains, IResourceFileStore store)
    {
        if (!RoomRules.IsRoomId(roomId))
        {
            return RoomNotFound();
        }

        if (!ResourceRules.IsBlobId(blobId))
        {
            return FileNotFound();
        }

        ResourceFile file;
        try
        {
            file = await grains.GetGrain<IRoomResourcesGrain>(roomId).GetFileAsync(Actor(http), blobId);
        }
        catch (StudyRoomsException e)
        {
            return Problems.From(e);
        }

        var stream = store.OpenRead(roomId, blobId);
        if (stream is null)
        {
            return FileNotFound();
        }

        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = DownloadPolicy;
        headers.CacheControl = "private, no-cache";
        var disposition = new ContentDispositionHeaderValue(IsSafeImage(file.ContentType) ? "inline" : "attachment");
        disposition.SetHttpFileName(file.Name);
        headers.ContentDisposition = disposition.ToString();
        return Results.Stream(stream, file.ContentType);
    }

    /// <summary>Raster images of the allow-list are shown inline; SVG never reaches the shelf (it may script).</summary>
    private static bool IsSafeImage(string contentType) =>
        contentType is "image/png" or "image/jpeg" or "image/gif" or "image/webp";

    private static async Task<long> CopyBoundedAsync(Stream body, Stream target, long max, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        long total = 0;
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (total > max)
            {
                throw new StudyRoomsException(ErrorCodes.FileTooLarge, $"the file is larger than the limit of {Megabytes(max)}");
            }

            await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        return total;
    }

    private static StudyRoomsException TooLarge(UploadSettings upload) =>
        new(ErrorCodes.FileTooLarge, $"the file is larger than the limit of {Megabytes(upload.MaxFileBytes)}");

    private static string Megabytes(long bytes) =>
        bytes % (1024 * 1024) == 0 ? $"{bytes / (1024 * 1024)} MB" : $"{bytes} bytes";

    private static ResourceActor Actor(HttpContext http)
    {
        var user = StudyRoomsUser.From(http.User);
        return new ResourceActor { UserId = user.UserId, DisplayName = user.DisplayName };
    }

    private static IResult RoomNotFound() =>
        Problems.Of(StatusCodes.Status404NotFound, ErrorCodes.RoomNotFound, "no room has this id");

    private static IResult FileNotFound() =>
        Problems.Of(StatusCodes.Status404NotFound, ErrorCodes.ResourceNotFound, "no file of this room has this id");
}
