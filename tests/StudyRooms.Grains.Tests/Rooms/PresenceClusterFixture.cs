using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using StudyRooms.Grains.Rooms;
using StudyRooms.Grains.Tests.Cluster;

namespace StudyRooms.Grains.Tests.Rooms;

/// <summary>
/// A <see cref="SiloFixture"/> whose presence clock is a <see cref="FakeTimeProvider"/>: tests move
/// presence time, while Orleans' own timers keep the real clock (P-PRES-2).
/// </summary>
public sealed class PresenceClusterFixture() : SiloFixture("presence-cluster")
{
    public FakeTimeProvider PresenceClock { get; } = new();

    protected override void ConfigureSilo(ISiloBuilder silo) =>
        silo.Services.Configure<RoomPresenceOptions>(presence =>
        {
            presence.Clock = PresenceClock;
            presence.SweepPeriod = TimeSpan.FromMilliseconds(100);
        });
}

[CollectionDefinition(Name)]
public sealed class PresenceClusterCollection : ICollectionFixture<PresenceClusterFixture>
{
    public const string Name = "StudyRooms presence cluster";
}
