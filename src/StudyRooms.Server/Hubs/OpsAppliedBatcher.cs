using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using StudyRooms.Contracts.Boards;
using StudyRooms.Server.Options;

namespace StudyRooms.Server.Hubs;

/// <summary>
/// Collects a room's <c>OpsApplied</c> for one frame (<c>StudyRooms:OpsBatchMilliseconds</c>) and sends
/// them as one message (P-OPS-8): connections that pushed nothing in the frame get one
/// <see cref="OpsAppliedBatch"/> serialised once; each pusher gets the others' events only (P-OPS-7).
/// A frame holds every event; one with a single event is sent as a plain <c>OpsApplied</c>. The frame
/// edges are <see cref="RoomFrames{TEntry}"/>'s: a room that sent nothing in the last window sends its
/// next event at once (leading edge), so batching adds no latency to an edit that arrives alone. Only
/// rooms with at least <c>StudyRooms:OpsBatchRoomConnections</c> connections here are batched: there
/// the fan-out is what holds up the board grain's turn; smaller rooms gained nothing from it.
/// </summary>
public sealed partial class OpsAppliedBatcher(IHubContext<RoomHub, IRoomClient> hub, IOptions<StudyRoomsOptions> options, HostedConnections hosted, TimeProvider time, ILogger<OpsAppliedBatcher> logger)
    : RoomFrames<OpsAppliedBatcher.Entry>(TimeSpan.FromMilliseconds(options.Value.OpsBatchMilliseconds), time, sendOffCaller: true)
{
    private readonly int _roomConnections = options.Value.OpsBatchRoomConnections;

    /// <summary>
    /// Whether the room's next event goes through a frame. Called in the board grain's turn, so
    /// pushes of one room ask one after another: a room that still has a frame running keeps
    /// batching until it is out, so an event sent at once never overtakes an earlier one.
    /// </summary>
    public bool ShouldBatch(string roomId) =>
        IsOn && (IsFraming(roomId) || hosted.CountIn(roomId) >= _roomConnections);

    /// <summary>
    /// Sends the event now (leading edge) or with the room's running frame. Called in the board grain's
    /// turn; the sends run on the thread pool, off the grain's scheduler.
    /// </summary>
    public void Enqueue(OpsApplied e, string exceptConnectionId) => _ = Add(e.RoomId, new Entry(e, exceptConnectionId));

    protected override Task SendOneAsync(string roomId, Entry entry) =>
        hub.Clients.GroupExcept(RoomGroups.For(roomId), entry.Except).OpsApplied(entry.Event);

    protected override async Task SendFrameAsync(string roomId, List<Entry> frame)
    {
        var pushers = frame.Select(b => b.Except).Distinct(StringComparer.Ordinal).ToArray();
        await hub.Clients.GroupExcept(RoomGroups.For(roomId), pushers).OpsAppliedBatch(new OpsAppliedBatch { RoomId = roomId, Events = frame.Select(b => b.Event).ToArray() });
        foreach (var pusher in pushers)
        {
            var others = frame.Where(b => b.Except != pusher).Select(b => b.Event).ToArray();
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

    // The ops are stored and acknowledged; a peer that missed them gets them on its next join.
    protected override void SendFailed(Exception exception, string roomId) => BroadcastFailed(logger, exception, roomId);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning, Message = "Could not broadcast a batch of ops in room {RoomId}")]
    private static partial void BroadcastFailed(ILogger logger, Exception exception, string roomId);

    /// <summary>One event of a frame and the connection that pushed it (which must not receive it).</summary>
    public readonly record struct Entry(OpsApplied Event, string Except);
}
