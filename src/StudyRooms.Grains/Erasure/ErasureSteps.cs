namespace StudyRooms.Grains.Erasure;

/// <summary>
/// The ordered, idempotent steps of one kind of erasure (a room's, P-LIFE-4; a user's, P-ACCT-4).
/// The host may register its own list (tests do, to fail a step on purpose); otherwise the kind's
/// default. Runs every step in order and stops at the first that throws: the caller tries the whole
/// list again later (<see cref="ErasureRetry"/>).
/// </summary>
public abstract class ErasureSteps<TSubject>(IReadOnlyList<ErasureStep<TSubject>> steps)
{
    public IReadOnlyList<ErasureStep<TSubject>> Steps { get; } = steps;

    /// <summary>Runs every step for <paramref name="subject"/>, telling <paramref name="erased"/> the name of each one done.</summary>
    public async Task RunAsync(IGrainFactory grains, TSubject subject, Action<string> erased)
    {
        foreach (var step in Steps)
        {
            await step.EraseAsync(grains, subject);
            erased(step.Name);
        }
    }
}
