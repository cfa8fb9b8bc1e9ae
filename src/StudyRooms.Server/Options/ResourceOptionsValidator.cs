using Microsoft.Extensions.Options;

namespace StudyRooms.Server.Options;

/// <summary>Checks <see cref="ResourceOptions"/> before anything starts; every failure names its key.</summary>
public sealed class ResourceOptionsValidator : IValidateOptions<ResourceOptions>
{
    public ValidateOptionsResult Validate(string? name, ResourceOptions options)
    {
        var failures = new List<string>();
        var key = ResourceOptions.Section;
        Range(options.MaxFileBytes, 1, 1L << 32, "MaxFileBytes");
        Range(options.MaxImageSide, 1, 1_000_000, "MaxImageSide");
        Range(options.MaxItemsPerRoom, 1, 10_000, "MaxItemsPerRoom");
        Range(options.MaxTitleLength, 10, 10_000, "MaxTitleLength");
        Range(options.MaxNoteLength, 1, 100_000, "MaxNoteLength");
        if (!(double.IsFinite(options.AddsPerMinutePerUser) && options.AddsPerMinutePerUser is > 0 and <= 100_000))
        {
            failures.Add($"{key}:AddsPerMinutePerUser must be a number above 0 and at most 100000.");
        }

        if (!(double.IsFinite(options.AddBurstPerUser) && options.AddBurstPerUser is >= 1 and <= 100_000))
        {
            failures.Add($"{key}:AddBurstPerUser must be between 1 and 100000.");
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
