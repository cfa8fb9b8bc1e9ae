using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using StudyRooms.Contracts.Boards;
using StudyRooms.Server.Options;

namespace StudyRooms.Server.Hubs;

/// <summary>
/// Collects a room's <c>OpsApplied</c> for one frame (<c>StudyRooms:OpsBatchMilliseconds</c>) and sends
/// them as one message (P-OPS-8): connections that pushed nothing in the frame get one
/// <see cref="OpsAppliedBatch"/> serialised once; each pusher gets the others' events only (P-OPS-7).
/// A frame with a single event is sent as a plain <c>OpsApplied</c>. Frames of a room go out in order,
/// at most one per window: a room that sent nothing in the last window sends its next event at once
/// (leading edge), so batching adds no latency to an edit that arrives alone. Only rooms with at
/// least <c>StudyRooms:OpsBatchRoomConnections</c> connections here are batched: there the fan-out
/// is what holds up the board grain's turn; smaller rooms gained nothing from it.
/// </summary>
public sealed partial class OpsAppliedBatcher(IHubContext<RoomHub, IRoomClient> hub, IOptions<StudyRoomsOptions> options, HostedConnections hosted, TimeProvider time, ILogger<OpsAppliedBatcher> logger)
{
    private readonly ConcurrentDictionary<string, Room> _rooms = new(StringComparer.Ordinal);
    private readonly TimeSpan _window = TimeSpan.FromMilliseconds(options.Value.OpsBatchMilliseconds);
    private readonly int _roomConnections = options.Value.OpsBatchRoomConnections;

    /// <summary>
    /// Whether the room's next event goes through a frame. Called in the board grain's turn, so
    /// pushes of one room ask one after another: a room that still has a frame pending or being sent
    /// keeps batching until it is out, so an event sent at once never overtakes an earlier one.
    /// </summary>
    public bool ShouldBatch(string roomId) =>
        _window > TimeSpan.Zero && (_rooms.ContainsKey(roomId) || hosted.CountIn(roomId) >= _roomConnections);

    public void Enqueue(OpsApplied e, string exceptConnectionId)
    {
        while (true)
        {
            var room = _rooms.GetOrAdd(e.RoomId, static _ => new Room());
            lock (room)
            {
                if (room.Closed)
                {
                    continue;
                }

                room.Pending.Add((e, exceptConnectionId));
                if (room.Pending.Count == 1)
                {
                    var wait = room.LastFrame is { } last ? _window - time.GetElapsedTime(last) : TimeSpan.Zero;
                    var roomId = e.RoomId;

                    // On the thread pool: this runs in the board grain's turn, whose scheduler an
                    // await would otherwise bring the fan-out back to.
                    _ = Task.Run(() => FlushLaterAsync(roomId, room, wait > TimeSpan.Zero ? wait : TimeSpan.Zero));
                }

                return;
            }
        }
    }

    private async Task FlushLaterAsync(string roomId, Room room, TimeSpan wait)
    {
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time);
        }

        List<(OpsApplied Event, string Except)> batch;
        Task previous;
        TaskCompletionSource sent = new(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (room)
        {
            batch = room.Pending;
            room.Pending = [];
            previous = room.Sending;
            room.Sending = sent.Task;
            room.LastFrame = time.GetTimestamp();
        }

        try
        {
            await previous;
            await SendAsync(roomId, batch);
        }
        catch (Exception exception)
        {
            // The ops are stored and acknowledged; a peer that missed them gets them on its next join.
            BroadcastFailed(logger, exception, roomId);
        }
        finally
        {
            sent.SetResult();
        }

        // Kept one more window, so a quiet room's next event waits for the window its last frame
        // opened (at most one frame per window), then forgotten unless a new frame began.
        await Task.Delay(_window, time);
        lock (room)
        {
            if (room.Pending.Count == 0 && room.Sending == sent.Task)
            {
                room.Closed = true;
                _rooms.TryRemove(new KeyValuePair<string, Room>(roomId, room));
            }
        }
    }

    private async Task SendAsync(string roomId, List<(OpsApplied Event, string Except)> batch)
    {
        var group = RoomGroups.For(roomId);
        if (batch.Count == 1)
        {
            await hub.Clients.GroupExcept(group, batch[0].Except).OpsApplied(batch[0].Event);
            return;
        }

        var pushers = batch.Select(b => b.Except).Distinct(StringComparer.Ordinal).ToArray();
        await hub.Clients.GroupExcept(group, pushers).OpsAppliedBatch(new OpsAppliedBatch { RoomId = roomId, Events = batch.Select(b => b.Event).ToArray() });
        foreach (var pusher in pushers)
        {
            var others = batch.Where(b => b.Except != pusher).Select(b => b.Event).ToArray();
            if (others.Length == 1)
            {
                await hub.Clients.Client(pusher).OpsApplied(others[0]);
            }
            else if (others.Length > 1)
            {
                await hub.Clients.Client(pusher).OpsAppliedBatch(new OpsAppliedBatch { RoomId = roomId, Events = others });
            }
        }
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning, Message = "Could not broadcast a batch of ops in room {RoomId}")]
    private static partial void BroadcastFailed(ILogger logger, Exception exception, string roomId);

    private sealed class Room
    {
        public List<(OpsApplied Event, string Except)> Pending { get; set; } = [];

        public Task Sending { get; set; } = Task.CompletedTask;

        /// <summary>When the last frame was taken to be sent (a <see cref="TimeProvider"/> timestamp), or null before the first.</summary>
        public long? LastFrame { get; set; }

        public bool Closed { get; set; }
    }
}
