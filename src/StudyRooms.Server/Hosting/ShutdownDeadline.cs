using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using StudyRooms.Server.Health;
using StudyRooms.Server.Options;

namespace StudyRooms.Server.Hosting;

/// <summary>
/// Ends the process, with exit code 1, when a stop (SIGTERM, Ctrl+C) overruns its deadline:
/// <see cref="StudyRoomsOptions.ShutdownDeadline"/>, or the shorter
/// <see cref="StudyRoomsOptions.ShutdownDeadlineWithoutStorage"/> when the storage does not answer as
/// the stop begins. A stop normally takes one to three seconds. Without a deadline, a Redis-mode server
/// whose Redis is gone kept Orleans retrying to write its leaving into the membership table for about
/// two minutes after SIGTERM, burning a fifth of a core, until systemd or Kubernetes killed it. With
/// the storage gone nothing more can be saved or announced, and everything acknowledged is stored
/// already, so waiting longer gains nothing. The watch ends when the host has stopped, and is armed
/// only when the server is the process itself: a host inside another process (the tests' in-process
/// servers, whose stops may take longer on a loaded machine) never ends that process.
/// </summary>
public sealed partial class ShutdownDeadline(
    IHostApplicationLifetime lifetime,
    HealthCheckService health,
    IOptions<StudyRoomsOptions> options,
    TimeProvider time,
    ILogger<ShutdownDeadline> logger) : IHostedService
{
    private readonly CancellationTokenSource _stopped = new();

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!ProcessRole.IsServer)
        {
            return Task.CompletedTask;
        }

        lifetime.ApplicationStopping.Register(() => _ = Task.Run(WatchAsync));
        lifetime.ApplicationStopped.Register(_stopped.Cancel);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task WatchAsync()
    {
        var begun = time.GetTimestamp();
        var deadline = options.Value.ShutdownDeadline;
        try
        {
            if (!await StorageAnswersAsync())
            {
                deadline = options.Value.ShutdownDeadlineWithoutStorage;
                StorageGone(logger, deadline.TotalSeconds);
            }

            var left = deadline - time.GetElapsedTime(begun);
            if (left > TimeSpan.Zero)
            {
                await Task.Delay(left, time, _stopped.Token);
            }
        }
        catch (OperationCanceledException) when (_stopped.IsCancellationRequested)
        {
            return;
        }

        if (_stopped.IsCancellationRequested)
        {
            return;
        }

        Overran(logger, deadline.TotalSeconds);
        Environment.Exit(1);
    }

    /// <summary>The readiness check of the storage (<see cref="StorageHealthCheck"/>, 3 s at most), asked once more.</summary>
    private async Task<bool> StorageAnswersAsync() =>
        (await health.CheckHealthAsync(check => check.Name == StorageHealthCheck.Name, _stopped.Token)).Status == HealthStatus.Healthy;

    [LoggerMessage(EventId = 1911, Level = LogLevel.Warning, Message = "Stopping while the storage does not answer: nothing more can be saved, so the server ends in {Seconds} s at the latest")]
    private static partial void StorageGone(ILogger logger, double seconds);

    [LoggerMessage(EventId = 1912, Level = LogLevel.Critical, Message = "The stop did not finish within its deadline of {Seconds} s; ending the process with exit code 1")]
    private static partial void Overran(ILogger logger, double seconds);
}
