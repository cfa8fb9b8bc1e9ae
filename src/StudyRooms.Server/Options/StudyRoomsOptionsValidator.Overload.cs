namespace StudyRooms.Server.Options;

/// <summary>Bounds of the load-shedding keys: too low refuses a healthy server's work, a hint too long strands clients.</summary>
public sealed partial class StudyRoomsOptionsValidator
{
    private static void ValidateOverload(StudyRoomsOptions options, List<string> failures)
    {
        var key = StudyRoomsOptions.Section;
        if (options.MaxConcurrentHubCalls is < 1 or > 1_000_000)
        {
            failures.Add($"{key}:MaxConcurrentHubCalls must be between 1 and 1000000.");
        }

        if (options.OverloadRetryAfter < TimeSpan.FromMilliseconds(10) || options.OverloadRetryAfter > TimeSpan.FromMinutes(1))
        {
            failures.Add($"{key}:OverloadRetryAfter must be between 00:00:00.010 and 00:01:00.");
        }
    }
}
