using Microsoft.Extensions.Options;
using StudyRooms.Server.Options;

namespace StudyRooms.Server.Hosting;

/// <summary>Reads and validates the options that decide how the host is built, before it is built.</summary>
public static class StudyRoomsConfiguration
{
    public static (StudyRoomsOptions StudyRooms, AuthOptions Auth) ReadValidated(IConfiguration configuration)
    {
        var studyRooms = configuration.GetSection(StudyRoomsOptions.Section).Get<StudyRoomsOptions>() ?? new StudyRoomsOptions();
        var auth = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        var failures = new List<string>();
        Collect(new StudyRoomsOptionsValidator().Validate(null, studyRooms), failures);
        Collect(new AuthOptionsValidator(signingKeyRequired: studyRooms.IsRedisMode).Validate(null, auth), failures);
        if (failures.Count > 0)
        {
            throw new OptionsValidationException(StudyRoomsOptions.Section, typeof(StudyRoomsOptions), failures);
        }

        return (studyRooms, auth);
    }

    private static void Collect(ValidateOptionsResult result, List<string> failures)
    {
        if (result.Failed)
        {
            failures.AddRange(result.Failures);
        }
    }
}
