using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using StudyRooms.Contracts.Protocol;
using StudyRooms.Server.Options;

namespace StudyRooms.Server.Endpoints;

/// <summary>HTTP rate limits: per client address for sign-in, per user for room creation.</summary>
public static class RateLimits
{
    public const string Anonymous = "anonymous";
    public const string PerUser = "per-user";

    public static IServiceCollection AddStudyRoomsRateLimits(this IServiceCollection services, RateLimitOptions limits) =>
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, cancellationToken) =>
            {
                var problem = Problems.Of(StatusCodes.Status429TooManyRequests, ErrorCodes.RateLimited, "too many requests; try again in a minute");
                await problem.ExecuteAsync(context.HttpContext);
            };
            options.AddPolicy(Anonymous, http => RateLimitPartition.GetTokenBucketLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = limits.SessionsPerMinutePerAddress,
                    TokensPerPeriod = limits.SessionsPerMinutePerAddress,
                    ReplenishmentPeriod = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
            options.AddPolicy(PerUser, http => RateLimitPartition.GetTokenBucketLimiter(
                http.User.FindFirst("sub")?.Value ?? http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = limits.RoomsPerMinutePerUser,
                    TokensPerPeriod = limits.RoomsPerMinutePerUser,
                    ReplenishmentPeriod = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
        });
}
