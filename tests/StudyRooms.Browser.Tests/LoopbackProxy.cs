using System.Net;
using System.Net.Sockets;

namespace StudyRooms.Browser.Tests;

/// <summary>
/// A TCP forwarder on a fixed loopback port, so a page keeps its origin (and its localStorage)
/// while the server behind it is stopped and started again on another port.
/// </summary>
public sealed class LoopbackProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _open = [];
    private readonly Task _accepting;
    private volatile int _targetPort;

    public LoopbackProxy()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public Uri Address => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    /// <summary>Points new connections at a server; 0 refuses them (the server is down).</summary>
    public void ForwardTo(Uri? target) => _targetPort = target?.Port ?? 0;

    /// <summary>Drops every forwarded connection, as a dying server would.</summary>
    public void DropAll()
    {
        lock (_open)
        {
            foreach (var client in _open)
            {
                client.Dispose();
            }

            _open.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        DropAll();
        try
        {
            await _accepting;
        }
        catch (OperationCanceledException)
        {
            // Stopping the listener ends the accept loop; nothing is left to report.
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient inbound;
            try
            {
                inbound = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _ = ForwardAsync(inbound);
        }
    }

    private async Task ForwardAsync(TcpClient inbound)
    {
        var port = _targetPort;
        var outbound = new TcpClient();
        try
        {
            if (port == 0)
            {
                throw new SocketException((int)SocketError.ConnectionRefused);
            }

            await outbound.ConnectAsync(IPAddress.Loopback, port, _stop.Token);
            lock (_open)
            {
                _open.Add(inbound);
                _open.Add(outbound);
            }

            var a = inbound.GetStream().CopyToAsync(outbound.GetStream(), _stop.Token);
            var b = outbound.GetStream().CopyToAsync(inbound.GetStream(), _stop.Token);
            await Task.WhenAny(a, b);
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            // A refused or broken connection is what the browser must cope with; it retries.
        }
        finally
        {
            inbound.Dispose();
            outbound.Dispose();
            lock (_open)
            {
                _open.Remove(inbound);
                _open.Remove(outbound);
            }
        }
    }
}
