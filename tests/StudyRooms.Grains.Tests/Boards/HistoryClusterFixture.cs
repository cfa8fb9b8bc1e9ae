using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using StudyRooms.Grains.Boards;
using StudyRooms.Grains.Tests.Cluster;

namespace StudyRooms.Grains.Tests.Boards;

/// <summary>
/// A <see cref="SiloFixture"/> whose board history clock is a <see cref="FakeTimeProvider"/> and whose
/// boards keep at most <see cref="Keep"/> history snapshots, taken every <see cref="Interval"/>
/// (P-HIST-1). Orleans' own timers keep the real clock.
/// </summary>
public sealed class HistoryClusterFixture() : SiloFixture("history-cluster")
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);
    public const int Keep = 3;

    public FakeTimeProvider HistoryClock { get; } = new();

    protected override void ConfigureSilo(ISiloBuilder silo)
    {
        silo.Services.AddSingleton(Options.Create(BoardSettings.Default with { HistoryInterval = Interval, HistoryKeep = Keep }));
        silo.Services.Configure<BoardHistoryOptions>(history => history.Clock = HistoryClock);
    }
}

[CollectionDefinition(Name)]
public sealed class HistoryClusterCollection : ICollectionFixture<HistoryClusterFixture>
{
    public const string Name = "StudyRooms history cluster";
}
