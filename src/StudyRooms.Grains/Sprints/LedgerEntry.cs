namespace StudyRooms.Grains.Sprints;

/// <summary>One user's participation in the open focus block (P-SPR-11).</summary>
[GenerateSerializer, Alias("StudyRooms.LedgerEntry")]
public sealed class LedgerEntry
{
    [Id(0)] public string DisplayName { get; set; } = "";
    /// <summary>True while the user is joined to the sprint.</summary>
    [Id(1)] public bool Joined { get; set; }
    /// <summary>Open connections of the user in the room → when the server last heard from each.</summary>
    [Id(2)] public Dictionary<string, DateTimeOffset> Connections { get; set; } = new(StringComparer.Ordinal);
    /// <summary>Credited time in the open block so far.</summary>
    [Id(3)] public long CreditedMs { get; set; }
    /// <summary>True once the user showed activity during the open block.</summary>
    [Id(4)] public bool Active { get; set; }
}
