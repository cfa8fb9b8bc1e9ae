namespace StudyRooms.Grains.Storage;

/// <summary>An upload being written to a temp file beside its final place; disposing it without a commit deletes it.</summary>
public sealed class PendingResourceFile(string roomId, string tempPath, FileStream stream) : IAsyncDisposable
{
    public string RoomId { get; } = roomId;

    public string TempPath { get; } = tempPath;

    /// <summary>Write the upload here.</summary>
    public FileStream Stream { get; } = stream;

    /// <summary>Set by the store once the file has its final name.</summary>
    public bool Committed { get; set; }

    public async ValueTask DisposeAsync()
    {
        await Stream.DisposeAsync();
        if (!Committed)
        {
            File.Delete(TempPath);
        }
    }
}
