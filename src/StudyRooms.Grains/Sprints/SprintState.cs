using StudyRooms.Contracts.Sprints;

namespace StudyRooms.Grains.Sprints;

/// <summary>
/// The persisted sprint of a room: plan, anchor, rules, participants, the ledger of the open block
/// and the recaps of the last ended block. Heartbeats change only memory until the next write.
/// </summary>
[GenerateSerializer, Alias("StudyRooms.SprintState")]
public sealed class SprintState
{
    [Id(0)] public string? SprintId { get; set; }
    [Id(1)] public SprintPlan? Plan { get; set; }
    [Id(2)] public SprintRules Rules { get; set; } = new();
    [Id(3)] public PhaseAnchor? Anchor { get; set; }
    [Id(4)] public SprintStatus Status { get; set; }
    [Id(5)] public string? StartedBy { get; set; }
    [Id(6)] public Dictionary<string, SprintMember> Members { get; set; } = new(StringComparer.Ordinal);
    [Id(7)] public FocusLedger Ledger { get; set; } = new();
    /// <summary>The phase whose check-in prompt was sent, so it is sent once.</summary>
    [Id(8)] public int CheckInPhase { get; set; } = -1;
    /// <summary>The focus block that recaps are for now (the last ended one), or -1.</summary>
    [Id(9)] public int RecapBlock { get; set; } = -1;
    [Id(10)] public Dictionary<string, RecapEntry> Recaps { get; set; } = new(StringComparer.Ordinal);
    [Id(11)] public long Version { get; set; }
}
