using System.Net;
using System.Net.Sockets;

namespace StudyRooms.Testing;

/// <summary>
/// Free loopback ports. Every silo and host in a test run needs its own: two silos on one machine
/// with the same ports silently form two separate clusters instead of failing.
/// </summary>
public static class FreePorts
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
