namespace StudyRooms.LoadTest;

/// <summary>A server the scenario drives: StudyRooms through its real protocol, or the bare relay.</summary>
public interface ITarget
{
    string Name { get; }

    /// <summary>Connects one client into a room; <paramref name="delivered"/> is called per edit received from a peer.</summary>
    Task<IClientSession> ConnectAsync(int clientIndex, int roomIndex, Action<string> delivered, CancellationToken cancellationToken);
}

/// <summary>One connected client.</summary>
public interface IClientSession : IAsyncDisposable
{
    /// <summary>Sends one edit and completes when the server acknowledged it.</summary>
    Task SendEditAsync(string elementId, double[] points);

    /// <summary>Sends one volatile cursor update.</summary>
    Task SendCursorAsync(double x, double y);
}
