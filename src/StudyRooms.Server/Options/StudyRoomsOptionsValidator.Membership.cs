namespace StudyRooms.Server.Options;

/// <summary>Bounds of the membership keys: outside them failover is either glacial or flappy.</summary>
public sealed partial class StudyRoomsOptionsValidator
{
    private static void ValidateMembership(StudyRoomsOptions options, List<string> failures)
    {
        var key = StudyRoomsOptions.Section;
        if (options.MembershipProbeTimeout < TimeSpan.FromMilliseconds(500) || options.MembershipProbeTimeout > TimeSpan.FromMinutes(1))
        {
            failures.Add($"{key}:MembershipProbeTimeout must be between 00:00:00.5 and 00:01:00.");
        }

        if (options.MembershipMaxProbeTimeout < options.MembershipProbeTimeout || options.MembershipMaxProbeTimeout > TimeSpan.FromMinutes(4))
        {
            failures.Add($"{key}:MembershipMaxProbeTimeout must be between MembershipProbeTimeout and 00:04:00.");
        }

        if (options.MembershipMissedProbesLimit is < 1 or > 10)
        {
            failures.Add($"{key}:MembershipMissedProbesLimit must be between 1 and 10.");
        }

        if (options.MembershipVotesForDeath is < 1 or > 10)
        {
            failures.Add($"{key}:MembershipVotesForDeath must be between 1 and 10.");
        }

        if (options.MembershipTableRefreshTimeout < TimeSpan.FromSeconds(1) || options.MembershipTableRefreshTimeout > TimeSpan.FromMinutes(5))
        {
            failures.Add($"{key}:MembershipTableRefreshTimeout must be between 00:00:01 and 00:05:00.");
        }
    }
}
