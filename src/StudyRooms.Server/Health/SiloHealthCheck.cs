using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace StudyRooms.Server.Health;

/// <summary>Ready only while the co-hosted Orleans silo is active in its cluster.</summary>
public sealed class SiloHealthCheck(ISiloStatusOracle silo) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(silo.CurrentStatus == SiloStatus.Active
            ? HealthCheckResult.Healthy("silo active")
            : HealthCheckResult.Unhealthy($"silo is {silo.CurrentStatus}"));
}
