namespace StudyRooms.Grains.Storage;

/// <summary>
/// Embedded mode: one server, so presence lives only in the room activation (which a keep-alive
/// timer holds while anyone is present) and there is nothing to record.
/// </summary>
public sealed class NoPresenceStore : IPresenceStore
{
    public static NoPresenceStore Instance { get; } = new();

    public Task AddAsync(string roomId, PresenceRecord record, TimeSpan timeToLive, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task RefreshAsync(string roomId, IReadOnlyCollection<string> connectionIds, TimeSpan timeToLive, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task RemoveAsync(string roomId, IReadOnlyCollection<string> connectionIds, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<PresenceListing> ListAsync(string roomId, CancellationToken cancellationToken = default) =>
        Task.FromResult(PresenceListing.Empty);

    public Task EraseAsync(string roomId, CancellationToken cancellationToken = default) => Task.CompletedTask;
}
