using StudyRooms.Testing;

namespace StudyRooms.Server.Tests;

/// <summary>An embedded host with a short op log (40 ops, snapshots every 20 to 30 ops), shared by the resume tests.</summary>
public sealed class BoardResumeHostFixture : IAsyncLifetime
{
    public StudyRoomsHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await StudyRoomsHost.StartAsync(settings: new Dictionary<string, string?>
    {
        ["StudyRooms:Board:OpLogRetention"] = "40",
        ["StudyRooms:Board:SnapshotEveryOps"] = "20",
    });

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
