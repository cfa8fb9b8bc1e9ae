namespace StudyRooms.Server.Options;

/// <summary>Bounds of the shutdown deadlines: a deadline below one second would cut every graceful stop short.</summary>
public sealed partial class StudyRoomsOptionsValidator
{
    private static void ValidateShutdown(StudyRoomsOptions options, List<string> failures)
    {
        var key = StudyRoomsOptions.Section;
        if (options.ShutdownDeadline < TimeSpan.FromSeconds(1) || options.ShutdownDeadline > TimeSpan.FromHours(1))
        {
            failures.Add($"{key}:ShutdownDeadline must be between 00:00:01 and 01:00:00.");
        }

        if (options.ShutdownDeadlineWithoutStorage < TimeSpan.FromSeconds(1) || options.ShutdownDeadlineWithoutStorage > options.ShutdownDeadline)
        {
            failures.Add($"{key}:ShutdownDeadlineWithoutStorage must be between 00:00:01 and ShutdownDeadline.");
        }
    }
}
