using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using StudyRooms.Contracts.Boards.History;
using StudyRooms.Contracts.Protocol;
using StudyRooms.Grains.Storage;

namespace StudyRooms.Grains.Boards;

/// <summary>
/// The named history of one board (P-HIST-1), apart from the compaction snapshots: decides when an
/// automatic snapshot is due (every <see cref="BoardSettings.HistoryInterval"/> while edited, only
/// after a change), takes requested ones at once, and writes them off the grain's turn, one at a
/// time and in order. Owned by the board grain; single-threaded like it.
/// </summary>
public sealed class BoardHistoryRecorder(IBoardStore store, string boardId, BoardSettings settings, TimeProvider clock, ILogger logger)
{
    public const int MaxLabelLength = 80;
    public const int MaxEditorIds = 20;
    public const string AutoLabel = "Auto-save";

    private readonly HashSet<string> _editors = new(StringComparer.Ordinal);
    private long _clock;
    private DateTimeOffset _at;
    private Task _write = Task.CompletedTask;

    /// <summary>Picks up where the stored history ends; a board without one counts from now.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        var latest = (await store.ListHistoryAsync(boardId, cancellationToken)).FirstOrDefault();
        _clock = latest?.Clock ?? 0;
        _at = latest?.CreatedAt ?? clock.GetUtcNow();
    }

    /// <summary>Remembers who edited since the last snapshot (the "who" of the next entry).</summary>
    public void NoteEditor(string userId)
    {
        if (_editors.Count < MaxEditorIds)
        {
            _editors.Add(userId);
        }
    }

    /// <summary>A deleted user edited since the last snapshot: the next entry names the marker instead (P-ACCT-4).</summary>
    public void ForgetEditor(string userId)
    {
        if (_editors.Remove(userId))
        {
            _editors.Add(Contracts.Accounts.DeletedUsers.MarkerId);
        }
    }

    /// <summary>Takes an automatic snapshot of <paramref name="document"/> when one is due.</summary>
    public void TakeIfDue(BoardDocument document)
    {
        if (document.Clock > _clock && clock.GetUtcNow() - _at >= settings.HistoryInterval)
        {
            _ = Start(document, BoardHistoryReason.Auto, AutoLabel);
        }
    }

    /// <summary>Takes an automatic snapshot if anything changed since the last one (the board goes idle).</summary>
    public Task TakeIfChangedAsync(BoardDocument document) =>
        document.Clock > _clock ? Start(document, BoardHistoryReason.Auto, AutoLabel).Write : Task.CompletedTask;

    /// <summary>Takes a snapshot now, changed or not, and answers once it is stored.</summary>
    public async Task<BoardHistoryEntry> TakeNowAsync(BoardDocument document, string? label)
    {
        var clean = (label ?? "").Trim();
        if (clean.Length is 0 or > MaxLabelLength || clean.Any(char.IsControl))
        {
            throw new StudyRoomsException(ErrorCodes.InvalidRequest, $"a history label is 1–{MaxLabelLength} characters without control characters");
        }

        var (entry, write) = Start(document, BoardHistoryReason.Requested, clean);
        await write;
        return entry;
    }

    /// <summary>Waits until every snapshot started so far is written (or failed and was logged).</summary>
    public Task FlushAsync() => _write;

    private (BoardHistoryEntry Entry, Task Write) Start(BoardDocument document, BoardHistoryReason reason, string label)
    {
        // The element list is taken in the grain's turn (shallow: elements are immutable records);
        // serialising and storing run on the thread pool.
        var view = document.ToSnapshot();
        var entry = new BoardHistoryEntry
        {
            Id = "h_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(10)),
            CreatedAt = clock.GetUtcNow(),
            Label = label,
            Reason = reason,
            Clock = view.Clock,
            ElementCount = view.Elements.Length,
            EditorIds = _editors.Order(StringComparer.Ordinal).ToArray(),
        };
        _clock = view.Clock;
        _at = entry.CreatedAt;
        _editors.Clear();

        var snapshot = new BoardHistorySnapshot { Entry = entry, Elements = view.Elements };
        var previous = _write;
        var keep = settings.HistoryKeep;
        var write = Task.Run(async () =>
        {
            await previous;
            await store.SaveHistoryAsync(boardId, snapshot, keep);
            BoardLog.HistorySaved(logger, boardId, entry.Id, entry.Clock);
        });
        _write = write.ContinueWith(
            t =>
            {
                if (t.Exception is { } exception)
                {
                    BoardLog.HistoryFailed(logger, exception, boardId, entry.Clock);
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        return (entry, write);
    }
}
