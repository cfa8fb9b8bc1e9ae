using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace StudyRooms.Server.Hosting;

/// <summary>
/// What an operator reads when the server cannot start for a reason theirs to fix: invalid settings,
/// a Redis that does not answer, or one that refuses the password. One plain message on standard
/// error and exit code 1, instead of an unhandled exception's stack trace and an abort. Any other
/// failure still ends with its stack trace: that one is a bug to report.
/// </summary>
public static class StartFailure
{
    /// <summary>The message for a failure the operator can fix, or null for any other.</summary>
    public static string? Explain(Exception exception)
    {
        if (Find<OptionsValidationException>(exception) is { } invalid)
        {
            return "StudyRooms cannot start: its settings are invalid (docs/operations.md lists them and their bounds):"
                + string.Concat(invalid.Failures.Select(failure => "\n  - " + failure));
        }

        if (Find<RedisConnectionException>(exception) is { } redis)
        {
            // Neither the connection string (it may hold Redis's password) nor the client's own message
            // (its advice is about the client's settings, not the operator's) is repeated.
            return redis.FailureType == ConnectionFailureType.AuthenticationFailure
                ? "StudyRooms cannot start: Redis at the address StudyRooms:Redis gives refused the password "
                    + "(AuthenticationFailure). Check the password (and user) in StudyRooms:Redis against Redis's own."
                : "StudyRooms cannot start: Redis does not answer at the address StudyRooms:Redis gives "
                    + $"({redis.FailureType}). Check that address, and that Redis is running and reachable from this machine.";
        }

        return null;
    }

    private static T? Find<T>(Exception? exception)
        where T : Exception
    {
        while (exception is not null)
        {
            if (exception is T found)
            {
                return found;
            }

            if (exception is AggregateException { InnerExceptions: var inner } && inner.Select(Find<T>).FirstOrDefault(e => e is not null) is { } nested)
            {
                return nested;
            }

            exception = exception.InnerException;
        }

        return null;
    }
}
