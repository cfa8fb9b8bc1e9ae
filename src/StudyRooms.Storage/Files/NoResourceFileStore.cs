using StudyRooms.Grains.Storage;

namespace StudyRooms.Storage.Files;

/// <summary>The file store of a deployment with uploads off (Redis mode without a shared folder): it holds no file.</summary>
public sealed class NoResourceFileStore : IResourceFileStore
{
    public PendingResourceFile BeginWrite(string roomId) =>
        throw new InvalidOperationException("uploads are off: set StudyRooms:Resources:FilesDirectory");

    public Task CommitAsync(PendingResourceFile file, string blobId) =>
        throw new InvalidOperationException("uploads are off: set StudyRooms:Resources:FilesDirectory");

    public FileStream? OpenRead(string roomId, string blobId) => null;

    public Task DeleteAsync(string roomId, string blobId) => Task.CompletedTask;

    public Task DeleteRoomAsync(string roomId) => Task.CompletedTask;
}
