namespace StudyRooms.Server.Options;

/// <summary>
/// How long a stop may take (SIGTERM, Ctrl+C). A stop normally takes one to three seconds; these
/// bound the cases where it cannot finish, e.g. a Redis-mode server whose Redis is gone, which Orleans
/// would otherwise keep retrying to write its leaving into for about two minutes (docs/operations.md).
/// </summary>
public sealed partial class StudyRoomsOptions
{
    /// <summary>The longest a stop may take before the process ends itself with exit code 1.</summary>
    public TimeSpan ShutdownDeadline { get; set; } = TimeSpan.FromSeconds(45);

    /// <summary>
    /// The longest a stop may take when the storage (SQLite or Redis) does not answer as it begins:
    /// nothing more can be saved or announced then, and everything acknowledged is already stored.
    /// </summary>
    public TimeSpan ShutdownDeadlineWithoutStorage { get; set; } = TimeSpan.FromSeconds(5);
}
