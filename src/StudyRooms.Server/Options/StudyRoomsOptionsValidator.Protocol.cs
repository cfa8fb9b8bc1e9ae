namespace StudyRooms.Server.Options;

/// <summary>Bounds of the batching keys: a frame longer than a few frames shows as lag, not as savings.</summary>
public sealed partial class StudyRoomsOptionsValidator
{
    private static void ValidateProtocol(StudyRoomsOptions options, List<string> failures)
    {
        var key = StudyRoomsOptions.Section;
        if (options.OpsBatchMilliseconds is < 0 or > 5_000)
        {
            failures.Add($"{key}:OpsBatchMilliseconds must be between 0 (off) and 5000.");
        }

        if (options.CursorFrameMilliseconds is < 0 or > 1_000)
        {
            failures.Add($"{key}:CursorFrameMilliseconds must be between 0 (off) and 1000.");
        }

        if (options.OpsBatchRoomConnections is < 1 or > 1_000_000)
        {
            failures.Add($"{key}:OpsBatchRoomConnections must be between 1 and 1000000.");
        }
    }
}
