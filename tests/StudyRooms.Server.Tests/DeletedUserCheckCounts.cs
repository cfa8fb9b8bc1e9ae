using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using StudyRooms.Server.Observability;

namespace StudyRooms.Server.Tests;

/// <summary>The host's studyrooms.auth.deleted_user_checks, summed by source.</summary>
public sealed class DeletedUserCheckCounts : IDisposable
{
    private readonly ConcurrentDictionary<string, long> _totals = new(StringComparer.Ordinal);
    private readonly MeterListener _listener = new();

    public DeletedUserCheckCounts(IServiceProvider services)
    {
        var meters = services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == StudyRoomsMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, meters)
                && instrument.Name == "studyrooms.auth.deleted_user_checks")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "source" && tag.Value is string source)
                {
                    _totals.AddOrUpdate(source, value, (_, total) => total + value);
                }
            }
        });
        _listener.Start();
    }

    public long KnownDeleted => _totals.GetValueOrDefault("known_deleted");

    public (long Grain, long Cache, long KnownDeleted) Snapshot() =>
        (_totals.GetValueOrDefault("grain"), _totals.GetValueOrDefault("cache"), KnownDeleted);

    /// <summary>Grain calls and cache answers since <paramref name="before"/>.</summary>
    public (long Grain, long Cache) Since((long Grain, long Cache, long KnownDeleted) before) =>
        (_totals.GetValueOrDefault("grain") - before.Grain, _totals.GetValueOrDefault("cache") - before.Cache);

    public void Dispose() => _listener.Dispose();
}
