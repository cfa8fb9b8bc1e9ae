using System.Collections.Concurrent;
using StudyRooms.Contracts.Stats;
using StudyRooms.Grains.Sprints;

namespace StudyRooms.Grains.Tests.Sprints;

/// <summary>Records what the sprint grain sends to stats; can be told to fail, like a stats grain that is down.</summary>
public sealed class RecordingStatsSink : IStudyStatsSink
{
    public ConcurrentQueue<FocusCredit> Credits { get; } = new();

    public ConcurrentQueue<FocusRecap> Recaps { get; } = new();

    /// <summary>Where recorded calls go on to (the real stats grains); null records only.</summary>
    public IStudyStatsSink? Forward { get; set; }

    /// <summary>Rooms whose stats calls throw.</summary>
    public ConcurrentDictionary<string, bool> FailingRooms { get; } = new();

    public Task RecordFocusAsync(FocusCredit credit)
    {
        if (FailingRooms.ContainsKey(credit.RoomId))
        {
            throw new InvalidOperationException("stats are down");
        }

        Credits.Enqueue(credit);
        return Forward?.RecordFocusAsync(credit) ?? Task.CompletedTask;
    }

    public Task RecordRecapAsync(FocusRecap recap)
    {
        if (FailingRooms.ContainsKey(recap.RoomId))
        {
            throw new InvalidOperationException("stats are down");
        }

        Recaps.Enqueue(recap);
        return Forward?.RecordRecapAsync(recap) ?? Task.CompletedTask;
    }

    public IReadOnlyList<FocusCredit> CreditsOf(string roomId) => Credits.Where(c => c.RoomId == roomId).ToList();
}
