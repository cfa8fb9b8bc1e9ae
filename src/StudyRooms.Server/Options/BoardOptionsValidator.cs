using Microsoft.Extensions.Options;

namespace StudyRooms.Server.Options;

/// <summary>Checks <see cref="BoardOptions"/> before anything starts; every failure names its key.</summary>
public sealed class BoardOptionsValidator : IValidateOptions<BoardOptions>
{
    public ValidateOptionsResult Validate(string? name, BoardOptions options)
    {
        var failures = new List<string>();
        var key = BoardOptions.Section;
        Range(options.MaxElements, 1, 1_000_000, "MaxElements");
        Range(options.MaxPointsPerStroke, 2, 1_000_000, "MaxPointsPerStroke");
        Range(options.MaxOpsPerPush, 1, 10_000, "MaxOpsPerPush");
        Range(options.MaxTextLength, 1, 1_000_000, "MaxTextLength");
        Range(options.MaxBoardPoints, 2, 100_000_000, "MaxBoardPoints");
        Range(options.OpLogRetention, 1, 10_000_000, "OpLogRetention");
        Range(options.SnapshotEveryOps, 1, 10_000_000, "SnapshotEveryOps");
        Range(options.HistoryKeep, 1, 10_000, "HistoryKeep");
        Range(options.CursorsToViewersMaxParticipants, 0, 100_000, "CursorsToViewersMaxParticipants");
        if (options.HistoryInterval < TimeSpan.FromSeconds(10) || options.HistoryInterval > TimeSpan.FromDays(1))
        {
            failures.Add($"{key}:HistoryInterval must be between 00:00:10 and 1.00:00:00.");
        }
        if (!(double.IsFinite(options.PushesPerSecondPerUser) && options.PushesPerSecondPerUser is > 0 and <= 10_000))
        {
            failures.Add($"{key}:PushesPerSecondPerUser must be a number above 0 and at most 10000.");
        }

        if (!(double.IsFinite(options.PushBurstPerUser) && options.PushBurstPerUser is >= 1 and <= 100_000))
        {
            failures.Add($"{key}:PushBurstPerUser must be between 1 and 100000.");
        }

        if (options.MaxBoardPoints < options.MaxPointsPerStroke)
        {
            failures.Add($"{key}:MaxBoardPoints must be at least {key}:MaxPointsPerStroke, or no full stroke fits on a board.");
        }

        // The store drops ops older than the retained tail when it writes a snapshot; a tail shorter
        // than the snapshot interval could drop ops a concurrent load still needs to replay.
        if (options.OpLogRetention < options.SnapshotEveryOps)
        {
            failures.Add($"{key}:OpLogRetention must be at least {key}:SnapshotEveryOps ({options.SnapshotEveryOps}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);

        void Range(long value, long min, long max, string property)
        {
            if (value < min || value > max)
            {
                failures.Add($"{key}:{property} must be between {min} and {max}.");
            }
        }
    }
}
