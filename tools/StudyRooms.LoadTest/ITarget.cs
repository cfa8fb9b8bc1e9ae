namespace StudyRooms.LoadTest;

/// <summary>A server the scenario drives: StudyRooms through its real protocol, or the bare relay.</summary>
public interface ITarget
{
    string Name { get; }

    /// <summary>Connects one client into a room; what it receives from peers goes to <paramref name="sink"/>.</summary>
    Task<IClientSession> ConnectAsync(int clientIndex, int roomIndex, IDeliverySink sink, CancellationToken cancellationToken);
}

/// <summary>Where a client reports what reached it from its peers.</summary>
public interface IDeliverySink
{
    /// <summary>An edit of a peer arrived; its element id carries the send time (<see cref="EditIds"/>).</summary>
    void Edit(string elementId);

    /// <summary>A peer's cursor arrived.</summary>
    void Cursor();
}

/// <summary>One connected client.</summary>
public interface IClientSession : IAsyncDisposable
{
    /// <summary>Sends one edit and completes when the server acknowledged it.</summary>
    Task SendEditAsync(string elementId, double[] points);

    /// <summary>Sends one volatile cursor update.</summary>
    Task SendCursorAsync(double x, double y);
}
