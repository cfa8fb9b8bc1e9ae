using System.Collections.Concurrent;

namespace StudyRooms.Server.Hubs;

/// <summary>
/// A room's outgoing traffic in frames of one window (P-OPS-8, P-LIVE-5): a room that sent nothing in
/// the last window sends its next entry at once (the leading edge), which opens a frame; entries that
/// arrive while a frame runs are held and go out together at its end, and the next frame starts where
/// that one was due, so a busy room sends at most one frame per window. Frames of a room go out in
/// order, one at a time; a frame that ends with nothing held forgets the room. A frame of one entry
/// goes out as that entry alone. The subclass says what a frame holds (every entry, or the latest per
/// key) and how entries and frames are addressed.
/// </summary>
/// <typeparam name="TEntry">One held item with what its addressing needs (e.g. the sender's connection).</typeparam>
public abstract class RoomFrames<TEntry>
{
    private readonly ConcurrentDictionary<string, Room> _rooms = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly long _window;
    private readonly bool _sendOffCaller;

    /// <param name="window">The frame length; zero or less turns frames off (see <see cref="IsOn"/>).</param>
    /// <param name="time">The clock of the windows.</param>
    /// <param name="sendOffCaller">
    /// Whether a leading edge hands its send and the room's frames to the thread pool: true where the
    /// caller runs in a grain's turn, whose scheduler an await would otherwise bring the sends back to.
    /// </param>
    protected RoomFrames(TimeSpan window, TimeProvider time, bool sendOffCaller)
    {
        _time = time;
        _window = window > TimeSpan.Zero ? window.Ticks * time.TimestampFrequency / TimeSpan.TicksPerSecond : 0;
        _sendOffCaller = sendOffCaller;
    }

    /// <summary>Whether frames are on (a positive window).</summary>
    protected bool IsOn => _window > 0;

    /// <summary>
    /// Whether a frame of the room is running, so that its next entry waits for the frame's end. A room
    /// leaves this state one quiet frame after its last entry; nothing of it is kept then.
    /// </summary>
    public bool IsFraming(string roomId) => _rooms.ContainsKey(roomId);

    /// <summary>
    /// Sends <paramref name="entry"/> at once if it opens the room's frame, else holds it for the running
    /// frame's end. Returns the leading send (which never faults), or a completed task for a held entry.
    /// Entries added one after another are sent in that order. Requires <see cref="IsOn"/>.
    /// </summary>
    protected Task Add(string roomId, TEntry entry)
    {
        while (true)
        {
            var room = _rooms.GetOrAdd(roomId, static _ => new Room());
            lock (room)
            {
                if (room.Closed)
                {
                    continue;
                }

                if (room.Started)
                {
                    room.Hold(entry, LatestKeyOf(entry));
                    return Task.CompletedTask;
                }

                room.Started = true;
            }

            var due = _time.GetTimestamp() + _window;
            return _sendOffCaller ? Task.Run(() => LeadAsync(roomId, room, entry, due)) : LeadAsync(roomId, room, entry, due);
        }
    }

    /// <summary>Forgets the room's held entries that <paramref name="match"/> picks (e.g. of a connection that left).</summary>
    protected void Drop(string roomId, Predicate<TEntry> match)
    {
        if (_rooms.TryGetValue(roomId, out var room))
        {
            lock (room)
            {
                room.Drop(match, LatestKeyOf);
            }
        }
    }

    /// <summary>
    /// The key under which a newer entry takes an older one's place in a frame (only the latest per key
    /// goes out), or null to keep every entry. Called under the room's lock: no sends, no waits.
    /// </summary>
    protected virtual string? LatestKeyOf(TEntry entry) => null;

    /// <summary>Sends one entry: the leading edge, or a frame that held just one.</summary>
    protected abstract Task SendOneAsync(string roomId, TEntry entry);

    /// <summary>Sends a frame of two or more entries, in the order held; must not keep <paramref name="frame"/>, which is reused.</summary>
    protected abstract Task SendFrameAsync(string roomId, List<TEntry> frame);

    /// <summary>A send failed; frames go on (what the entries carry is volatile or stored elsewhere).</summary>
    protected abstract void SendFailed(Exception exception, string roomId);

    private Task LeadAsync(string roomId, Room room, TEntry entry, long due)
    {
        var sent = SendLeadingAsync(roomId, entry);
        _ = RunFramesAsync(roomId, room, due, sent);
        return sent;
    }

    private async Task SendLeadingAsync(string roomId, TEntry entry)
    {
        try
        {
            await SendOneAsync(roomId, entry);
        }
        catch (Exception exception)
        {
            SendFailed(exception, roomId);
        }
    }

    /// <summary>The room's frames, one after another, until a frame ends with nothing held.</summary>
    private async Task RunFramesAsync(string roomId, Room room, long due, Task previous)
    {
        // The loop's own: the list of the frame sent last, cleared, becomes the next frame's holder.
        List<TEntry>? spare = null;
        while (true)
        {
            var wait = _time.GetElapsedTime(_time.GetTimestamp(), due);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _time);
            }

            // A send still under way keeps the room framing, so that an entry sent at once after the
            // room is forgotten cannot overtake it (the leading send never faults).
            await previous;
            previous = Task.CompletedTask;

            List<TEntry> frame;
            lock (room)
            {
                if (room.HeldCount == 0)
                {
                    room.Closed = true;
                    _rooms.TryRemove(new KeyValuePair<string, Room>(roomId, room));
                    return;
                }

                frame = room.TakeHeld(spare ?? []);
            }

            try
            {
                await (frame.Count == 1 ? SendOneAsync(roomId, frame[0]) : SendFrameAsync(roomId, frame));
            }
            catch (Exception exception)
            {
                SendFailed(exception, roomId);
            }

            frame.Clear();
            spare = frame;

            // The next frame starts where this one was due, so a busy room keeps the frame rate; after a
            // slow send the next frame goes at once rather than two at a time.
            var now = _time.GetTimestamp();
            due = due + _window > now ? due + _window : now;
        }
    }

    /// <summary>A room's frame state; every member is read and written under the room's lock.</summary>
    private sealed class Room
    {
        private List<TEntry> _held = [];
        private Dictionary<string, int>? _indexByKey;

        /// <summary>Whether the leading edge has gone: entries are held until the room is forgotten.</summary>
        public bool Started { get; set; }

        /// <summary>Whether the room was forgotten: an entry must start a new room.</summary>
        public bool Closed { get; set; }

        public int HeldCount => _held.Count;

        /// <summary>Holds an entry for the frame's end; with a key, a newer entry takes the older one's place.</summary>
        public void Hold(TEntry entry, string? key)
        {
            if (key is null)
            {
                _held.Add(entry);
                return;
            }

            _indexByKey ??= new Dictionary<string, int>(StringComparer.Ordinal);
            if (_indexByKey.TryGetValue(key, out var index))
            {
                _held[index] = entry;
                return;
            }

            _indexByKey[key] = _held.Count;
            _held.Add(entry);
        }

        /// <summary>Hands out the held entries and holds the next ones in <paramref name="empty"/>.</summary>
        public List<TEntry> TakeHeld(List<TEntry> empty)
        {
            var frame = _held;
            _held = empty;
            _indexByKey?.Clear();
            return frame;
        }

        public void Drop(Predicate<TEntry> match, Func<TEntry, string?> keyOf)
        {
            if (_held.RemoveAll(match) == 0 || _indexByKey is null)
            {
                return;
            }

            _indexByKey.Clear();
            for (var i = 0; i < _held.Count; i++)
            {
                if (keyOf(_held[i]) is { } key)
                {
                    _indexByKey[key] = i;
                }
            }
        }
    }
}
