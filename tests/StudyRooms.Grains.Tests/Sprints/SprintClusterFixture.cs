using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;
using StudyRooms.Grains.Broadcasting;
using StudyRooms.Grains.Rooms;
using StudyRooms.Grains.Sprints;
using StudyRooms.Grains.Tests.Cluster;
using StudyRooms.Grains.Tests.Support;
using StudyRooms.Storage;

namespace StudyRooms.Grains.Tests.Sprints;

/// <summary>
/// A silo like <see cref="ClusterFixture"/> (SQLite state and reminders, recording broadcaster) whose
/// sprint clock is a <see cref="FakeTimeProvider"/>: tests move sprint time by hours while Orleans'
/// own timers keep the real clock. Tests that move the clock share it, so each reads the clock it
/// starts from and only moves it forward.
/// </summary>
public sealed class SprintClusterFixture : IAsyncLifetime
{
    private readonly TempDirectory _dataDirectory = new("sprint-cluster");
    private InProcessTestCluster? _cluster;

    public RecordingBroadcaster Broadcaster { get; } = new();

    public RecordingStatsSink Stats { get; } = new();

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

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
            silo.UseStudyRoomsSqliteReminders();
            silo.Services.Configure<RoomPresenceOptions>(presence => presence.Expiry = TimeSpan.FromDays(30));
            silo.Services.Configure<SprintOptions>(sprint => sprint.Clock = Clock);
            silo.Services.AddSingleton<IStudyStatsSink>(sp =>
            {
                // Recorded for the assertions, then on to the real stats grains (end to end).
                Stats.Forward = new GrainStudyStatsSink(sp.GetRequiredService<IGrainFactory>());
                return Stats;
            });
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

    public async Task DeactivateAsync(IAddressable grain)
    {
        await Cluster.DeactivateAsync(grain);
        Assert.False(Cluster.TryGetGrainContext(grain.GetGrainId(), out _), "the grain is still active after deactivation");
    }
}

[CollectionDefinition(Name)]
public sealed class SprintClusterCollection : ICollectionFixture<SprintClusterFixture>
{
    public const string Name = "StudyRooms sprint cluster";
}
