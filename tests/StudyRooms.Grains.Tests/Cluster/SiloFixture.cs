using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using StudyRooms.Grains.Broadcasting;
using StudyRooms.Grains.Storage;
using StudyRooms.Grains.Tests.Support;
using StudyRooms.Storage;
using StudyRooms.Storage.Sqlite;

namespace StudyRooms.Grains.Tests.Cluster;

/// <summary>
/// One in-process silo configured like the embedded server: real SQLite storage and reminders in a
/// temp directory, System.Text.Json grain state, the system clock, and a recording broadcaster where
/// SignalR would be. Each collection's fixture adds only what its tests change (a fake clock, limits)
/// in <see cref="ConfigureSilo"/>, so the fixtures cannot drift apart.
/// </summary>
public abstract class SiloFixture(string name) : IAsyncLifetime
{
    private readonly TempDirectory _dataDirectory = new(name);
    private InProcessTestCluster? _cluster;

    public RecordingBroadcaster Broadcaster { get; } = new();

    public InProcessTestCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster is not deployed.");

    public IGrainFactory Grains => Cluster.Client;

    public string DataDirectory => _dataDirectory.Path;

    public async Task InitializeAsync()
    {
        // No free ports to hand out here: InProcessTestCluster connects its silo and client through an
        // in-memory transport and an in-memory membership table owned by this cluster object, so no
        // socket is opened and no other silo on the machine can join it (the shared-port trap of
        // PLATFORM-NOTES needs real sockets). Its base ports are internal and chosen by the builder's
        // allocator among unused ones.
        var builder = new InProcessTestClusterBuilder(initialSilosCount: 1);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.UseSystemTextJsonGrainStorageSerializer();
            silo.Services.AddStudyRoomsSqliteStorage(DataDirectory);
            silo.Services.AddSingleton(TimeProvider.System);
            silo.Services.AddSingleton<IRoomBroadcaster>(Broadcaster);
            silo.UseStudyRoomsSqliteReminders();
            ConfigureSilo(silo);
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

    /// <summary>
    /// A board store of its own over the silo's SQLite file, as a restarted process would open it:
    /// what it reads was written to disk, not kept in the silo's memory.
    /// </summary>
    public IBoardStore OpenStoreOnDisk() => new SqliteBoardStore(new SqliteDatabase(DataDirectory));

    /// <summary>Deactivates the grain's current activation and waits until it is gone.</summary>
    public async Task DeactivateAsync(IAddressable grain)
    {
        await Cluster.DeactivateAsync(grain);
        Assert.False(Cluster.TryGetGrainContext(grain.GetGrainId(), out _), "the grain is still active after deactivation");
    }

    /// <summary>The id of the grain's current activation, or null when it is not active.</summary>
    public ActivationId? ActivationOf(IAddressable grain) =>
        Cluster.TryGetGrainContext(grain.GetGrainId(), out var context) ? context.ActivationId : null;

    /// <summary>What this collection's silo has on top of the embedded server's set-up.</summary>
    protected abstract void ConfigureSilo(ISiloBuilder silo);
}
