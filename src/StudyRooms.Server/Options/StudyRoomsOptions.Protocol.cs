namespace StudyRooms.Server.Options;

/// <summary>Hub protocols offered beside JSON.</summary>
public sealed partial class StudyRoomsOptions
{
    /// <summary>
    /// "StudyRooms:MessagePackProtocol": also offer SignalR's MessagePack hub protocol (binary; keys
    /// are the .NET member names), for .NET clients such as the load tool. JSON stays the web client's
    /// protocol and the one whose malformed calls are answered with coded refusals (P-ERR-4).
    /// </summary>
    public bool MessagePackProtocol { get; set; }

    /// <summary>
    /// "StudyRooms:OpsBatchMilliseconds": the frame for which a batched room's OpsApplied are collected
    /// and sent as one OpsAppliedBatch (P-OPS-8); 0 sends every event at once, in every room.
    /// </summary>
    public int OpsBatchMilliseconds { get; set; } = 16;

    /// <summary>
    /// "StudyRooms:OpsBatchRoomConnections": rooms with at least this many connections on this server
    /// are batched per frame (P-OPS-8), smaller rooms send each event at once; 1 batches every room.
    /// Batching paid off in a lecture room of 200 and gave nothing in rooms of 10 (docs/benchmarks.md).
    /// </summary>
    public int OpsBatchRoomConnections { get; set; } = 50;

    /// <summary>
    /// "StudyRooms:CursorFrameMilliseconds": a room's cursors are relayed at most once per this frame
    /// (P-LIVE-5): the first after a quiet frame at once, later ones as the latest per connection (tab) at the
    /// frame's end; 0 relays every cursor at once.
    /// </summary>
    public int CursorFrameMilliseconds { get; set; } = 33;
}
