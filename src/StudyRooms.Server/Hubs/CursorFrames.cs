using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using StudyRooms.Contracts.Boards;
using StudyRooms.Server.Options;

namespace StudyRooms.Server.Hubs;

/// <summary>
/// Relays a room's cursors at most once per frame (<c>StudyRooms:CursorFrameMilliseconds</c>, P-LIVE-5):
/// a cursor of a room that sent none in the last frame goes out at once, as <c>CursorMoved</c>; cursors
/// arriving while a frame runs wait for its end, the latest per connection (tab), and go out together: one as a
/// plain <c>CursorMoved</c> (not to its sender), several as one <see cref="CursorsMoved"/> serialised
/// once for the whole cursor audience. In a lecture this turns 30 drawers × 30 Hz × every receiver
/// into one message per receiver per frame. The frame edges are <see cref="RoomFrames{TEntry}"/>'s.
/// </summary>
public sealed partial class CursorFrames(IHubContext<RoomHub, IRoomClient> hub, IOptions<StudyRoomsOptions> options, TimeProvider time, ILogger<CursorFrames> logger)
    : RoomFrames<CursorFrames.Entry>(TimeSpan.FromMilliseconds(options.Value.CursorFrameMilliseconds), time, sendOffCaller: false)
{
    /// <summary>
    /// Sends <paramref name="e"/> to the room's cursor audience except <paramref name="senderConnectionId"/>,
    /// now or with the frame running. Never throws for a failed send: cursors are volatile (P-LIVE-3).
    /// </summary>
    public Task RelayAsync(CursorMoved e, string senderConnectionId) =>
        IsOn
            ? Add(e.RoomId, new Entry(e, senderConnectionId))
            : hub.Clients.GroupExcept(RoomGroups.Cursors(e.RoomId), senderConnectionId).CursorMoved(e);

    /// <summary>Forgets a held cursor of a connection that leaves the room, so it cannot follow its ParticipantLeft.</summary>
    public void Drop(string roomId, string connectionId) =>
        Drop(roomId, held => held.SenderConnectionId == connectionId);

    // Per connection, not per user: a user's tabs are separate cursors, and a tab must not lose its other
    // tab's latest cursor to its own (P-LIVE-5).
    protected override string? LatestKeyOf(Entry entry) => entry.SenderConnectionId;

    protected override Task SendOneAsync(string roomId, Entry entry) =>
        hub.Clients.GroupExcept(RoomGroups.Cursors(roomId), entry.SenderConnectionId).CursorMoved(entry.Cursor);

    protected override Task SendFrameAsync(string roomId, List<Entry> frame)
    {
        var cursors = new CursorMoved[frame.Count];
        for (var i = 0; i < cursors.Length; i++)
        {
            cursors[i] = frame[i].Cursor;
        }

        // One message for the whole audience, serialised once; each sender skips its own entry (P-LIVE-5).
        return hub.Clients.Group(RoomGroups.Cursors(roomId)).CursorsMoved(new CursorsMoved { RoomId = roomId, Cursors = cursors });
    }

    protected override void SendFailed(Exception exception, string roomId) => RelayFailed(logger, exception, roomId);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "Could not relay cursors in room {RoomId}")]
    private static partial void RelayFailed(ILogger logger, Exception exception, string roomId);

    /// <summary>One cursor of a frame and the connection that sent it.</summary>
    public readonly record struct Entry(CursorMoved Cursor, string SenderConnectionId);
}
