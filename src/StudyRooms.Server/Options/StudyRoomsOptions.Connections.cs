namespace StudyRooms.Server.Options;

/// <summary>How much a hub connection that stops reading may hold up (docs/operations.md, "Slow readers").</summary>
public sealed partial class StudyRoomsOptions
{
    /// <summary>
    /// Bytes the server buffers for one connection beyond what its socket holds (SignalR's
    /// ApplicationMaxBufferSize); past it, writes to that connection wait.
    /// </summary>
    public long ConnectionOutboundBufferBytes { get; set; } = 64 * 1024;

    /// <summary>
    /// How long one send to a connection may wait on a client that does not read (SignalR's
    /// TransportSendTimeout); then the connection is closed.
    /// </summary>
    public TimeSpan ConnectionSendTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Open hub connections one user may hold on this server (P-CONN-1); one more is closed at once
    /// with <c>TOO_MANY_CONNECTIONS</c>. Counted per server: in Redis mode a user may hold this many on each.
    /// </summary>
    public int MaxConnectionsPerUser { get; set; } = 20;
}
