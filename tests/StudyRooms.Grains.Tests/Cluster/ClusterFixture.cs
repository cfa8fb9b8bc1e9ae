using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using StudyRooms.Grains.Broadcasting;
using StudyRooms.Grains.Rooms;
using StudyRooms.Grains.Storage;
using StudyRooms.Grains.Tests.Support;
using StudyRooms.Storage;
using StudyRooms.Storage.Sqlite;

namespace StudyRooms.Grains.Tests.Cluster;

/// <summary>
/// One in-process silo configured like the embedded server: real SQLite storage in a temp directory,
/// System.Text.Json grain state, the system clock, and a recording broadcaster where SignalR would be.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    private readonly TempDirectory _dataDirectory = new("grains-cluster");
    private InProcessTestCluster? _cluster;

    public RecordingBroadcaster Broadcaster { get; } = new();

    public InProcessTestCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster is not deployed.");

    public IGrainFactory Grains => Cluster.Client;

    public string DataDirectory => _dataDirectory.Path;

    /// <summary>Where the silo keeps uploaded resource files (P-RES-6).</summary>
    public string FilesDirectory => Path.Combine(DataDirectory, "files");

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
            silo.Services.AddStudyRoomsResourceFiles(FilesDirectory);
            silo.Services.AddSingleton(TimeProvider.System);
            silo.Services.AddSingleton<IRoomBroadcaster>(Broadcaster);
            silo.UseStudyRoomsSqliteReminders();

            // Sprint phases of seconds, so a test sees the grain's own timer announce a phase change.
            silo.Services.Configure<StudyRooms.Grains.Sprints.SprintOptions>(sprint => sprint.MinimumPhase = TimeSpan.FromSeconds(1));

            // Nothing vouches for connections here; presence expiry has its own fake-clock cluster (RoomPresenceTests).
            silo.Services.Configure<RoomPresenceOptions>(presence => presence.Expiry = TimeSpan.FromHours(1));
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

    /// <summary>Makes the silo's storage fail on one table until the result is disposed.</summary>
    public async Task<HiddenTable> HideTableAsync(string table)
    {
        // Open the silo's database first, so its lazy schema set-up cannot recreate the hidden table.
        await Cluster.GetSiloServiceProvider().GetRequiredService<IBoardStore>().PingAsync();
        return await HiddenTable.HideAsync(Path.Combine(DataDirectory, "studyrooms.db"), table);
    }

    /// <summary>Deactivates the grain's current activation and waits until it is gone.</summary>
    public async Task DeactivateAsync(IAddressable grain)
    {
        await Cluster.DeactivateAsync(grain);
        Assert.False(Cluster.TryGetGrainContext(grain.GetGrainId(), out _), "the grain is still active after deactivation");
    }

    /// <summary>The id of the grain's current activation, or null when it is not active.</summary>
    public ActivationId? ActivationOf(IAddressable grain) =>
        Cluster.TryGetGrainContext(grain.GetGrainId(), out var context) ? context.ActivationId : null;
}
