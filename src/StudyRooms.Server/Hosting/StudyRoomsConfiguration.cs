using Microsoft.Extensions.Options;
using StudyRooms.Server.Options;

namespace StudyRooms.Server.Hosting;

/// <summary>Reads and validates the options that decide how the host is built, before it is built.</summary>
public static class StudyRoomsConfiguration
{
    public static (StudyRoomsOptions StudyRooms, AuthOptions Auth) ReadValidated(IConfiguration configuration)
    {
        var (studyRooms, auth, _) = ReadAllValidated(configuration);
        return (studyRooms, auth);
    }

    public static (StudyRoomsOptions StudyRooms, AuthOptions Auth, RateLimitOptions RateLimits) ReadAllValidated(IConfiguration configuration)
    {
        var studyRooms = configuration.GetSection(StudyRoomsOptions.Section).Get<StudyRoomsOptions>() ?? new StudyRoomsOptions();
        var auth = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        var rateLimits = configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        var failures = new List<string>();
        if (rateLimits.SessionsPerMinutePerAddress is < 1 or > 1_000_000)
        {
            failures.Add($"{RateLimitOptions.Section}:SessionsPerMinutePerAddress must be between 1 and 1000000.");
        }

        if (rateLimits.RoomsPerMinutePerUser is < 1 or > 10_000)
        {
            failures.Add($"{RateLimitOptions.Section}:RoomsPerMinutePerUser must be between 1 and 10000.");
        }

        if (rateLimits.MaxOwnedRoomsPerUser is < 1 or > 100_000)
        {
            failures.Add($"{RateLimitOptions.Section}:MaxOwnedRoomsPerUser must be between 1 and 100000.");
        }

        Collect(new StudyRoomsOptionsValidator().Validate(null, studyRooms), failures);
        Collect(new AuthOptionsValidator(signingKeyRequired: studyRooms.IsRedisMode).Validate(null, auth), failures);
        if (failures.Count > 0)
        {
            throw new OptionsValidationException(StudyRoomsOptions.Section, typeof(StudyRoomsOptions), failures);
        }

        return (studyRooms, auth, rateLimits);
    }

    private static void Collect(ValidateOptionsResult result, List<string> failures)
    {
        if (result.Failed)
        {
            failures.AddRange(result.Failures);
        }
    }
}
