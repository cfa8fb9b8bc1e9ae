namespace StudyRooms.Grains.Storage;

/// <summary>
/// Where uploaded files live (P-RES-6): a directory on disk, <c>{root}/{roomId}/{blobId}</c>, never
/// Redis or grain state. The upload endpoint writes through <see cref="BeginWrite"/> and
/// <see cref="CommitAsync"/> (temp file, fsync, rename); the shelf grain deletes.
/// </summary>
public interface IResourceFileStore
{
    /// <summary>A new temp file in the room's folder, open for writing; nothing is listed until <see cref="CommitAsync"/>.</summary>
    PendingResourceFile BeginWrite(string roomId);

    /// <summary>Flushes the temp file to the disk, renames it to its blob id and flushes the folder: durable once this returns.</summary>
    Task CommitAsync(PendingResourceFile file, string blobId);

    /// <summary>The stored file for reading, or null when there is none.</summary>
    FileStream? OpenRead(string roomId, string blobId);

    /// <summary>Deletes one stored file; no error when it is already gone.</summary>
    Task DeleteAsync(string roomId, string blobId);

    /// <summary>Deletes the room's folder with every file in it.</summary>
    Task DeleteRoomAsync(string roomId);
}
