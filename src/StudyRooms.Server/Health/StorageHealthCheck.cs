using Microsoft.Extensions.Diagnostics.HealthChecks;
using StudyRooms.Grains.Storage;

namespace StudyRooms.Server.Health;

/// <summary>Ready only while the board store (SQLite or Redis) answers.</summary>
public sealed class StorageHealthCheck(IBoardStore store) : IHealthCheck
{
    /// <summary>The check's registered name; the shutdown deadline asks it too.</summary>
    public const string Name = "storage";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            await store.PingAsync(timeout.Token).WaitAsync(timeout.Token);
            return HealthCheckResult.Healthy("storage reachable");
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy("storage unreachable: " + e.GetType().Name);
        }
    }
}
