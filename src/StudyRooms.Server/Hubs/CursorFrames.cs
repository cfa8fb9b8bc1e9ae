using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using StudyRooms.Contracts.Boards;
using StudyRooms.Server.Options;

namespace StudyRooms.Server.Hubs;

/// <summary>
/// Relays a room's cursors at most once per frame (<c>StudyRooms:CursorFrameMilliseconds</c>, P-LIVE-5):
/// a cursor of a room that sent none in the last frame goes out at once, as <c>CursorMoved</c>; cursors
/// arriving while a frame runs wait for its end, the latest per user, and go out together: one as a
/// plain <c>CursorMoved</c> (not to its sender), several as one <see cref="CursorsMoved"/> serialised
/// once for the whole cursor audience. In a lecture this turns 30 drawers × 30 Hz × every receiver
/// into one message per receiver per frame. Frames of a room go out in order, never two at once.
/// </summary>
public sealed partial class CursorFrames(IHubContext<RoomHub, IRoomClient> hub, IOptions<StudyRoomsOptions> options, TimeProvider time, ILogger<CursorFrames> logger)
{
    private readonly ConcurrentDictionary<string, Room> _rooms = new(StringComparer.Ordinal);
    private readonly TimeSpan _window = TimeSpan.FromMilliseconds(options.Value.CursorFrameMilliseconds);

    /// <summary>
    /// Whether a frame of the room is running, so that its next cursor waits for the frame's end. A
    /// room leaves this state one quiet frame after its last cursor; nothing of it is kept then.
    /// </summary>
    public bool IsFraming(string roomId) => _rooms.ContainsKey(roomId);

    /// <summary>
    /// Sends <paramref name="e"/> to the room's cursor audience except <paramref name="senderConnectionId"/>,
    /// now or with the frame running. Never throws for a failed send: cursors are volatile (P-LIVE-3).
    /// </summary>
    public Task RelayAsync(CursorMoved e, string senderConnectionId)
    {
        if (_window <= TimeSpan.Zero)
        {
            return hub.Clients.GroupExcept(RoomGroups.Cursors(e.RoomId), senderConnectionId).CursorMoved(e);
        }

        while (true)
        {
            var room = _rooms.GetOrAdd(e.RoomId, static _ => new Room());
            TaskCompletionSource sent;
            lock (room)
            {
                if (room.Closed)
                {
                    continue;
                }

                if (room.Started)
                {
                    room.Hold(new Entry(e, senderConnectionId));
                    return Task.CompletedTask;
                }

                // The leading edge: the frame starts with this cursor, which goes out at once.
                room.Started = true;
                sent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                room.Sending = sent.Task;
            }

            _ = RunFramesAsync(e.RoomId, room, time.GetUtcNow() + _window);
            return SendLeadingAsync(e, senderConnectionId, sent);
        }
    }

    /// <summary>Forgets a held cursor of a connection that leaves the room, so it cannot follow its ParticipantLeft.</summary>
    public void Drop(string roomId, string connectionId)
    {
        if (_rooms.TryGetValue(roomId, out var room))
        {
            lock (room)
            {
                room.DropConnection(connectionId);
            }
        }
    }

    private async Task SendLeadingAsync(CursorMoved e, string senderConnectionId, TaskCompletionSource sent)
    {
        try
        {
            await hub.Clients.GroupExcept(RoomGroups.Cursors(e.RoomId), senderConnectionId).CursorMoved(e);
        }
        catch (Exception exception)
        {
            RelayFailed(logger, exception, e.RoomId);
        }
        finally
        {
            sent.SetResult();
        }
    }

    /// <summary>The room's frames, one after another, until a frame ends with nothing held; off the hub call.</summary>
    private async Task RunFramesAsync(string roomId, Room room, DateTimeOffset due)
    {
        while (true)
        {
            var wait = due - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time);
            }

            Entry[] frame;
            Task previous;
            lock (room)
            {
                if (room.HeldCount == 0)
                {
                    room.Closed = true;
                    _rooms.TryRemove(new KeyValuePair<string, Room>(roomId, room));
                    return;
                }

                frame = room.TakeHeld();
                previous = room.Sending;
            }

            try
            {
                await previous;
                await SendFrameAsync(roomId, frame);
            }
            catch (Exception exception)
            {
                RelayFailed(logger, exception, roomId);
            }

            // The next frame starts where this one was due, so a busy room keeps the frame rate; after a
            // slow send the next frame goes at once rather than two at a time.
            var now = time.GetUtcNow();
            due = due + _window > now ? due + _window : now;
        }
    }

    private Task SendFrameAsync(string roomId, Entry[] frame)
    {
        var group = RoomGroups.Cursors(roomId);
        if (frame.Length == 1)
        {
            return hub.Clients.GroupExcept(group, frame[0].SenderConnectionId).CursorMoved(frame[0].Cursor);
        }

        // One message for the whole audience, serialised once; each sender skips its own entry (P-LIVE-5).
        return hub.Clients.Group(group).CursorsMoved(new CursorsMoved { RoomId = roomId, Cursors = Array.ConvertAll(frame, f => f.Cursor) });
    }

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "Could not relay cursors in room {RoomId}")]
    private static partial void RelayFailed(ILogger logger, Exception exception, string roomId);

    private readonly record struct Entry(CursorMoved Cursor, string SenderConnectionId);

    /// <summary>A room's frame state; every member is read and written under the room's lock.</summary>
    private sealed class Room
    {
        private readonly Dictionary<string, int> _indexByUser = new(StringComparer.Ordinal);
        private List<Entry> _held = [];

        public bool Started { get; set; }

        public bool Closed { get; set; }

        public Task Sending { get; set; } = Task.CompletedTask;

        public int HeldCount => _held.Count;

        /// <summary>Holds a cursor for the frame's end; a newer one of the same user takes the older one's place.</summary>
        public void Hold(Entry entry)
        {
            if (_indexByUser.TryGetValue(entry.Cursor.UserId, out var index))
            {
                _held[index] = entry;
                return;
            }

            _indexByUser[entry.Cursor.UserId] = _held.Count;
            _held.Add(entry);
        }

        public Entry[] TakeHeld()
        {
            var frame = _held.ToArray();
            _held = [];
            _indexByUser.Clear();
            return frame;
        }

        public void DropConnection(string connectionId)
        {
            if (!_held.Exists(h => h.SenderConnectionId == connectionId))
            {
                return;
            }

            var kept = _held.FindAll(h => h.SenderConnectionId != connectionId);
            _held = [];
            _indexByUser.Clear();
            kept.ForEach(Hold);
        }
    }
}
