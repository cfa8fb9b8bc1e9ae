using StudyRooms.Contracts.Boards;
using StudyRooms.Grains.Storage;

namespace StudyRooms.Grains.Boards;

/// <summary>
/// The recent committed ops of one board, in memory, for resume (P-JOIN-4). Clocks are contiguous
/// (P-OPS-1), so the op after a known clock is found by index. Holds at least
/// <c>retention</c> ops once the board has that many; trims in chunks so appends stay O(1) amortised.
/// </summary>
public sealed class BoardOpLog(int retention)
{
    private readonly List<CommittedOp> _ops = [];
    private long _clock;

    /// <summary>The lowest known clock a resume can start from; equals the board clock when no op is held.</summary>
    public long ResumableFrom => _ops.Count == 0 ? _clock : _ops[0].Clock - 1;

    public int Count => _ops.Count;

    /// <summary>Starts the log at a board's clock with the stored tail (ops may precede the snapshot).</summary>
    public static BoardOpLog Load(int retention, long boardClock, IEnumerable<StoredOp> storedTail)
    {
        var log = new BoardOpLog(retention) { _clock = boardClock };
        var tail = storedTail.Where(op => op.Clock <= boardClock).OrderBy(op => op.Clock).ToList();
        // Keep only the contiguous run that ends at the board clock: a gap would hide ops from a resume.
        var start = tail.Count;
        var expected = boardClock;
        while (start > 0 && tail[start - 1].Clock == expected)
        {
            start--;
            expected--;
        }

        foreach (var op in tail.Skip(start).TakeLast(retention))
        {
            log._ops.Add(BoardDocument.ToCommitted(op));
        }

        return log;
    }

    /// <summary>
    /// Adds older ops from storage before the ones held (a lazily loaded retained tail, P-JOIN-5):
    /// only the contiguous run that ends just before the first op held, up to the retention.
    /// </summary>
    public void Prepend(IEnumerable<StoredOp> older)
    {
        var from = ResumableFrom;
        var run = older.Where(op => op.Clock <= from).OrderBy(op => op.Clock).ToList();
        var start = run.Count;
        var expected = from;
        while (start > 0 && run[start - 1].Clock == expected)
        {
            start--;
            expected--;
        }

        var room = Math.Max(0, retention - _ops.Count);
        _ops.InsertRange(0, run.Skip(start).TakeLast(room).Select(BoardDocument.ToCommitted));
    }

    /// <summary>How many older ops a full log could still take before the first one held.</summary>
    public int Room => Math.Max(0, retention - _ops.Count);

    /// <summary>Adds ops the board just committed, in clock order.</summary>
    public void Append(IEnumerable<StoredOp> ops)
    {
        foreach (var op in ops)
        {
            _ops.Add(BoardDocument.ToCommitted(op));
            _clock = op.Clock;
        }

        // Trim when a tenth over the retention, so trimming costs O(1) per op on average.
        var excess = _ops.Count - retention;
        if (excess > Math.Max(1, retention / 10))
        {
            _ops.RemoveRange(0, excess);
        }
    }

    /// <summary>Exactly the ops after <paramref name="knownClock"/>, or null when the log cannot answer it.</summary>
    public CommittedOp[]? After(long knownClock)
    {
        if (knownClock < ResumableFrom || knownClock > _clock)
        {
            return null;
        }

        var first = (int)(knownClock - ResumableFrom);
        return _ops.GetRange(first, _ops.Count - first).ToArray();
    }
}
