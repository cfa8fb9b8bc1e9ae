using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;
using StudyRooms.Grains.Broadcasting;
using StudyRooms.Grains.Rooms;
using StudyRooms.Grains.Tests.Cluster;
using StudyRooms.Grains.Tests.Support;
using StudyRooms.Storage;

namespace StudyRooms.Grains.Tests.Rooms;

/// <summary>
/// A silo like <see cref="ClusterFixture"/> whose presence clock is a <see cref="FakeTimeProvider"/>:
/// tests move presence time, while Orleans' own timers keep the real clock (P-PRES-2).
/// </summary>
public sealed class PresenceClusterFixture : IAsyncLifetime
{
    private readonly TempDirectory _dataDirectory = new("presence-cluster");
    private InProcessTestCluster? _cluster;

    public RecordingBroadcaster Broadcaster { get; } = new();

    public FakeTimeProvider PresenceClock { get; } = new();

    public IGrainFactory Grains => (_cluster ?? throw new InvalidOperationException("The cluster is not deployed.")).Client;

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
            silo.Services.Configure<RoomPresenceOptions>(presence =>
            {
                presence.Clock = PresenceClock;
                presence.SweepPeriod = TimeSpan.FromMilliseconds(100);
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
}

[CollectionDefinition(Name)]
public sealed class PresenceClusterCollection : ICollectionFixture<PresenceClusterFixture>
{
    public const string Name = "StudyRooms presence cluster";
}
