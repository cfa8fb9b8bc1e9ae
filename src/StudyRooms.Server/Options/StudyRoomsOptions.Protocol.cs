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
    /// "StudyRooms:OpsBatchMilliseconds": collect a room's OpsApplied for this long and send them as
    /// one OpsAppliedBatch (P-OPS-8); 0 (the default) sends each at once.
    /// </summary>
    public int OpsBatchMilliseconds { get; set; }
}
