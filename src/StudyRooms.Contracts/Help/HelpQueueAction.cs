namespace StudyRooms.Contracts.Help;

/// <summary>What a <see cref="HelpQueueCommand"/> does to the help queue (P-HAND-2).</summary>
[GenerateSerializer, Alias("StudyRooms.HelpQueueAction")]
public enum HelpQueueAction
{
    /// <summary>The actor raises their hand, or changes the note of their raised hand (keeping its place).</summary>
    Raise = 0,
    /// <summary>A mentor or owner starts helping the target.</summary>
    Take = 1,
    /// <summary>The request is done: a mentor or owner resolves it, or the asker lowers their own hand.</summary>
    Resolve = 2,
}
