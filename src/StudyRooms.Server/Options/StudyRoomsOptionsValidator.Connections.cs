namespace StudyRooms.Server.Options;

/// <summary>Bounds of the slow-reader keys: a buffer too small breaks big boards, a timeout too long stalls rooms.</summary>
public sealed partial class StudyRoomsOptionsValidator
{
    private static void ValidateConnections(StudyRoomsOptions options, List<string> failures)
    {
        var key = StudyRoomsOptions.Section;
        if (options.ConnectionOutboundBufferBytes is < 16 * 1024 or > 16 * 1024 * 1024)
        {
            failures.Add($"{key}:ConnectionOutboundBufferBytes must be between 16384 and 16777216.");
        }

        if (options.ConnectionSendTimeout < TimeSpan.FromSeconds(1) || options.ConnectionSendTimeout > TimeSpan.FromMinutes(1))
        {
            failures.Add($"{key}:ConnectionSendTimeout must be between 00:00:01 and 00:01:00.");
        }

        if (options.MaxConnectionsPerUser is < 1 or > 10_000)
        {
            failures.Add($"{key}:MaxConnectionsPerUser must be between 1 and 10000.");
        }
    }
}
