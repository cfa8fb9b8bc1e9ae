using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using StudyRooms.Grains.Rooms;
using StudyRooms.Grains.Sprints;
using StudyRooms.Grains.Tests.Cluster;

namespace StudyRooms.Grains.Tests.Sprints;

/// <summary>
/// A <see cref="SiloFixture"/> whose sprint clock is a <see cref="FakeTimeProvider"/>: tests move
/// sprint time by hours while Orleans' own timers keep the real clock. Tests that move the clock
/// share it, so each reads the clock it starts from and only moves it forward. Focus credits are
/// recorded on their way to the real stats grains.
/// </summary>
public sealed class SprintClusterFixture() : SiloFixture("sprint-cluster")
{
    public RecordingStatsSink Stats { get; } = new();

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    protected override void ConfigureSilo(ISiloBuilder silo)
    {
        silo.Services.Configure<RoomPresenceOptions>(presence => presence.Expiry = TimeSpan.FromDays(30));
        silo.Services.Configure<SprintOptions>(sprint => sprint.Clock = Clock);
        silo.Services.AddSingleton<IStudyStatsSink>(sp =>
        {
            // Recorded for the assertions, then on to the real stats grains (end to end).
            Stats.Forward = new GrainStudyStatsSink(sp.GetRequiredService<IGrainFactory>());
            return Stats;
        });
    }
}

[CollectionDefinition(Name)]
public sealed class SprintClusterCollection : ICollectionFixture<SprintClusterFixture>
{
    public const string Name = "StudyRooms sprint cluster";
}
