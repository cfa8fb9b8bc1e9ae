using StudyRooms.Contracts.Help;
using StudyRooms.Contracts.Protocol;

namespace StudyRooms.Grains.Rooms;

/// <summary>
/// A room's raise-hand queue (P-HAND-1..4): requests in the order hands went up, one per user.
/// Pure rules; the room grain checks who may act and announces the result. Like presence it lives
/// in the room's activation only: a hand belongs to someone who is in the room now.
/// </summary>
public sealed class HelpQueue
{
    public const int MaxNoteLength = 200;

    /// <summary>More hands than a room can hold people would be a bug; the bound keeps the event small.</summary>
    public const int MaxRequests = RoomRules.MaxCapacity;

    private readonly List<HelpRequest> _requests = [];

    public int Count => _requests.Count;

    public HelpRequest[] ToArray() => _requests.ToArray();

    /// <summary>
    /// Raises the user's hand at the end of the queue, or, when it is already up, changes its note
    /// and keeps its place (P-HAND-2).
    /// </summary>
    public void Raise(string userId, string displayName, string? note, DateTimeOffset now)
    {
        var (clean, error) = RoomRules.CleanText(note, "note", 0, MaxNoteLength);
        if (error is not null)
        {
            throw new StudyRoomsException(ErrorCodes.InvalidRequest, error);
        }

        var index = IndexOf(userId);
        if (index >= 0)
        {
            _requests[index] = _requests[index] with { Note = clean!, DisplayName = displayName };
            return;
        }

        if (_requests.Count >= MaxRequests)
        {
            throw new StudyRoomsException(ErrorCodes.RateLimited, "the help queue is full; try again when a request is resolved");
        }

        _requests.Add(new HelpRequest { UserId = userId, DisplayName = displayName, Note = clean!, RaisedAt = now });
    }

    /// <summary>Marks the user's request as being helped by a mentor; it keeps its place (P-HAND-2).</summary>
    public void Take(string userId, string mentorId, string mentorName)
    {
        var index = RequireIndex(userId);
        _requests[index] = _requests[index] with { TakenById = mentorId, TakenByName = mentorName };
    }

    /// <summary>Takes the user's request out of the queue; those behind it move up.</summary>
    public void Resolve(string userId) => _requests.RemoveAt(RequireIndex(userId));

    /// <summary>Drops the user's request if there is one (they left the room); true when the queue changed.</summary>
    public bool Drop(string userId)
    {
        var index = IndexOf(userId);
        if (index < 0)
        {
            return false;
        }

        _requests.RemoveAt(index);
        return true;
    }

    private int IndexOf(string userId) => _requests.FindIndex(r => r.UserId == userId);

    private int RequireIndex(string userId)
    {
        var index = IndexOf(userId);
        return index >= 0
            ? index
            : throw new StudyRoomsException(ErrorCodes.HandNotRaised, "that user has no raised hand");
    }
}
