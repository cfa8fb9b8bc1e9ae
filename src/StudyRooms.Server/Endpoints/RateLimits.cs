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
                // The limiter knows when the next token comes; say so in the reason (P-ERR-5) and as Retry-After.
                var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
                context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                var problem = Problems.Of(StatusCodes.Status429TooManyRequests, ErrorCodes.RateLimited, RetryHint.Append("too many requests", wait));
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
