using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;
using StudyRooms.Grains.Boards;
using StudyRooms.Grains.Broadcasting;
using StudyRooms.Grains.Storage;
using StudyRooms.Grains.Tests.Cluster;
using StudyRooms.Grains.Tests.Support;
using StudyRooms.Storage;
using StudyRooms.Storage.Sqlite;

namespace StudyRooms.Grains.Tests.Boards;

/// <summary>
/// A silo like <see cref="ClusterFixture"/> whose board history clock is a <see cref="FakeTimeProvider"/>
/// and whose boards keep at most <see cref="Keep"/> history snapshots, taken every
/// <see cref="Interval"/> (P-HIST-1). Orleans' own timers keep the real clock.
/// </summary>
public sealed class HistoryClusterFixture : IAsyncLifetime
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);
    public const int Keep = 3;

    private readonly TempDirectory _dataDirectory = new("history-cluster");
    private InProcessTestCluster? _cluster;

    public RecordingBroadcaster Broadcaster { get; } = new();

    public FakeTimeProvider HistoryClock { get; } = new();

    public InProcessTestCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster is not deployed.");

    public IGrainFactory Grains => Cluster.Client;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(initialSilosCount: 1);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.UseSystemTextJsonGrainStorageSerializer();
            silo.Services.AddStudyRoomsSqliteStorage(_dataDirectory.Path);
            silo.Services.AddSingleton(TimeProvider.System);
            silo.Services.AddSingleton<IRoomBroadcaster>(Broadcaster);
            silo.Services.AddSingleton(Options.Create(BoardSettings.Default with { HistoryInterval = Interval, HistoryKeep = Keep }));
            silo.Services.Configure<BoardHistoryOptions>(history => history.Clock = HistoryClock);
        });

        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.StopAllSilosAsync();
            await _cluster.DisposeAsync();
        }

        _dataDirectory.Dispose();
    }

    /// <summary>A board store of its own over the silo's SQLite file: what it reads is on disk.</summary>
    public IBoardStore OpenStoreOnDisk() => new SqliteBoardStore(new SqliteDatabase(_dataDirectory.Path));

    /// <summary>Deactivates the grain's current activation and waits until it is gone.</summary>
    public async Task DeactivateAsync(IAddressable grain)
    {
        await Cluster.DeactivateAsync(grain);
        Assert.False(Cluster.TryGetGrainContext(grain.GetGrainId(), out _), "the grain is still active after deactivation");
    }
}

[CollectionDefinition(Name)]
public sealed class HistoryClusterCollection : ICollectionFixture<HistoryClusterFixture>
{
    public const string Name = "StudyRooms history cluster";
}
