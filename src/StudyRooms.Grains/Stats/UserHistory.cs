using StudyRooms.Contracts.Stats;

namespace StudyRooms.Grains.Stats;

/// <summary>
/// The write rules of a user's history, pure so they are tested without a silo: idempotent per
/// (room, sprint, block), bounded by a retention window and a block cap, older history folded
/// into totals (docs/stats.md).
/// </summary>
public sealed class UserHistory(UserStatsState state)
{
    /// <summary>Blocks that ended longer ago than this are folded into totals.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(400);

    /// <summary>Most blocks kept one by one (about 12 a day for the whole window).</summary>
    public const int MaxBlocks = 5_000;

    /// <summary>Most recaps kept one by one.</summary>
    public const int MaxRecaps = 200;

    private readonly HashSet<(string RoomId, string SprintId, int BlockIndex)> _blockKeys =
        state.Blocks.Select(b => (b.RoomId, b.SprintId, b.BlockIndex)).ToHashSet();

    public UserStatsState State => state;

    /// <summary>Adds a credit; false (nothing changed) for a repeat, a zero credit, or one too old to de-duplicate.</summary>
    public bool AddCredit(FocusCredit credit, DateTimeOffset now)
    {
        if (credit.BlockEndedAt < credit.BlockStartedAt)
        {
            throw new ArgumentException("a focus block cannot end before it starts", nameof(credit));
        }

        // Never more than the block lasted: a credit is server-recorded presence within the block.
        var credited = credit.Credited > credit.BlockEndedAt - credit.BlockStartedAt ? credit.BlockEndedAt - credit.BlockStartedAt : credit.Credited;
        var cutoff = now - Retention;
        if (credited <= TimeSpan.Zero
            || credit.BlockEndedAt < cutoff
            || (state.FoldedThrough is { } folded && credit.BlockEndedAt <= folded)
            || !_blockKeys.Add((credit.RoomId, credit.SprintId, credit.BlockIndex)))
        {
            return false;
        }

        var block = new CreditedBlock
        {
            RoomId = credit.RoomId,
            SprintId = credit.SprintId,
            BlockIndex = credit.BlockIndex,
            StartedAt = credit.BlockStartedAt,
            EndedAt = credit.BlockEndedAt,
            Credited = credited,
            CompletesSprint = credit.CompletesSprint,
        };
        var at = state.Blocks.Count;
        while (at > 0 && state.Blocks[at - 1].EndedAt > block.EndedAt)
        {
            at--;
        }

        state.Blocks.Insert(at, block);
        Fold(cutoff);
        return true;
    }

    /// <summary>Keeps a recap; one for a block already kept replaces it.</summary>
    public bool AddRecap(FocusRecap recap)
    {
        var same = state.Recaps.FindIndex(r => r.RoomId == recap.RoomId && r.SprintId == recap.SprintId && r.BlockIndex == recap.BlockIndex);
        if (same >= 0)
        {
            if (state.Recaps[same] == recap)
            {
                return false;
            }

            state.Recaps[same] = recap;
            return true;
        }

        state.Recaps.Add(recap);
        while (state.Recaps.Count > MaxRecaps)
        {
            switch (state.Recaps[0].Outcome)
            {
                case GoalOutcome.Done: state.FoldedDone++; break;
                case GoalOutcome.Partly: state.FoldedPartly++; break;
                default: state.FoldedNotDone++; break;
            }

            state.Recaps.RemoveAt(0);
        }

        return true;
    }

    private void Fold(DateTimeOffset cutoff)
    {
        while (state.Blocks.Count > 0 && (state.Blocks.Count > MaxBlocks || state.Blocks[0].EndedAt < cutoff))
        {
            var oldest = state.Blocks[0];
            state.Blocks.RemoveAt(0);
            _blockKeys.Remove((oldest.RoomId, oldest.SprintId, oldest.BlockIndex));
            state.FoldedCredited += oldest.Credited;
            state.FoldedBlocks++;
            state.FoldedSprintsCompleted += oldest.CompletesSprint ? 1 : 0;
            state.FoldedThrough = state.FoldedThrough is { } through && through > oldest.EndedAt ? through : oldest.EndedAt;
        }
    }
}
