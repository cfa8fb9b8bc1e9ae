using System.Runtime.InteropServices;
using System.Security.Cryptography;
using StudyRooms.Grains.Resources;
using StudyRooms.Grains.Rooms;
using StudyRooms.Grains.Storage;

namespace StudyRooms.Storage.Files;

/// <summary>
/// Uploaded files on disk: <c>{root}/{roomId}/{blobId}</c> (P-RES-6). A file is written to a temp
/// name in its room's folder, flushed to the disk (fsync), renamed to its blob id and the folder
/// flushed too, so a file is durable once the upload is acknowledged. Room and blob ids are checked
/// for shape before they touch a path, so no request can reach outside the root.
/// </summary>
public sealed class DiskResourceFileStore(string root) : IResourceFileStore
{
    private const string TempPrefix = ".upload-";

    public string Root { get; } = Path.GetFullPath(root);

    public PendingResourceFile BeginWrite(string roomId)
    {
        var folder = RoomFolder(roomId);
        Directory.CreateDirectory(folder);
        var tempPath = Path.Combine(folder, TempPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)));
        var stream = new FileStream(tempPath, new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.ReadWrite,
            Share = FileShare.None,
            Options = FileOptions.Asynchronous,
            BufferSize = 64 * 1024,
        });
        return new PendingResourceFile(roomId, tempPath, stream);
    }

    public async Task CommitAsync(PendingResourceFile file, string blobId)
    {
        var target = BlobPath(file.RoomId, blobId);
        await file.Stream.FlushAsync();
        file.Stream.Flush(flushToDisk: true);
        await file.Stream.DisposeAsync();
        File.Move(file.TempPath, target, overwrite: false);
        file.Committed = true;
        SyncDirectory(Path.GetDirectoryName(target)!);
    }

    public FileStream? OpenRead(string roomId, string blobId)
    {
        try
        {
            return new FileStream(BlobPath(roomId, blobId), new FileStreamOptions
            {
                Mode = FileMode.Open,
                Access = FileAccess.Read,
                Share = FileShare.Read | FileShare.Delete,
                Options = FileOptions.Asynchronous | FileOptions.SequentialScan,
            });
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    public Task DeleteAsync(string roomId, string blobId)
    {
        File.Delete(BlobPath(roomId, blobId));
        return Task.CompletedTask;
    }

    public Task DeleteRoomAsync(string roomId)
    {
        var folder = RoomFolder(roomId);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        return Task.CompletedTask;
    }

    private string RoomFolder(string roomId) =>
        RoomRules.IsRoomId(roomId) ? Path.Combine(Root, roomId) : throw new ArgumentException("not a room id", nameof(roomId));

    private string BlobPath(string roomId, string blobId) =>
        ResourceRules.IsBlobId(blobId) ? Path.Combine(RoomFolder(roomId), blobId) : throw new ArgumentException("not a blob id", nameof(blobId));

    /// <summary>Flushes a folder's entries (the rename) to the disk; .NET has no API for it, so POSIX open + fsync.</summary>
    private static void SyncDirectory(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var fd = Open(folder, 0);
        if (fd < 0)
        {
            throw new IOException($"could not open {folder} to flush it (errno {Marshal.GetLastPInvokeError()})");
        }

        try
        {
            if (Fsync(fd) != 0)
            {
                throw new IOException($"could not flush {folder} (errno {Marshal.GetLastPInvokeError()})");
            }
        }
        finally
        {
            _ = Close(fd);
        }
    }

    // DllImport rather than LibraryImport, which would need unsafe code in this project for three calls.
    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static extern int Fsync(int fd);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    private static extern int Close(int fd);
}
