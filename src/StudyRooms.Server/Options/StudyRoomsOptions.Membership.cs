namespace StudyRooms.Server.Options;

/// <summary>
/// How fast a Redis-mode cluster declares a silent silo dead (Orleans ClusterMembershipOptions).
/// A dead silo's rooms are unreachable until it is declared dead, so the defaults trade a few
/// more probes for failover in about 5 s instead of Orleans' 13-18 s (docs/operations.md).
/// </summary>
public sealed partial class StudyRoomsOptions
{
    /// <summary>How long a silo waits for a probe answer before counting it as missed.</summary>
    public TimeSpan MembershipProbeTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The longest a probe may wait, however slow recent answers were or however busy this silo is.
    /// Orleans 10 learns each peer's probe timeout from its answers and stretches it while the local
    /// silo looks degraded, up to four times <see cref="MembershipProbeTimeout"/> unless bounded: on a
    /// busy machine that stretched detection of a killed silo past 10 s. Detection takes at most about
    /// this times <see cref="MembershipMissedProbesLimit"/>.
    /// </summary>
    public TimeSpan MembershipMaxProbeTimeout { get; set; } = TimeSpan.FromSeconds(2.5);

    /// <summary>Missed probes in a row after which a silo suspects the other and votes.</summary>
    public int MembershipMissedProbesLimit { get; set; } = 3;

    /// <summary>Suspicion votes needed to declare a silo dead (capped by the live silos).</summary>
    public int MembershipVotesForDeath { get; set; } = 2;

    /// <summary>How often each silo re-reads the membership table from Redis.</summary>
    public TimeSpan MembershipTableRefreshTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
