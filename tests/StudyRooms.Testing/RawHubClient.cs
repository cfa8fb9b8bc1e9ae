using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace StudyRooms.Testing;

/// <summary>
/// A client of the room hub that speaks the SignalR JSON protocol by hand over a raw WebSocket, so a
/// test can send what the .NET client never would: broken JSON, invalid UTF-8, NaN, wrong argument
/// counts, unknown targets. Records every completion, every event and the server's close message.
/// </summary>
public sealed class RawHubClient : IAsyncDisposable
{
    public const byte Separator = 0x1e;

    private readonly ClientWebSocket _socket;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<RawCompletion>> _pending = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly TaskCompletionSource<string?> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private long _nextId;
    private string? _closeError;

    private RawHubClient(ClientWebSocket socket)
    {
        _socket = socket;
    }

    /// <summary>Events the server sent: target and first argument.</summary>
    public ConcurrentQueue<(string Target, JsonElement Argument)> Events { get; } = new();

    /// <summary>Completes when the connection ends, with the error of the server's close message (null for a clean close).</summary>
    public Task<string?> Closed => _closed.Task;

    public bool IsOpen => !_closed.Task.IsCompleted;

    /// <summary>The hub URL as a WebSocket address, with the token in the query as browsers send it.</summary>
    public static Uri HubUri(Uri baseAddress, string? token)
    {
        var builder = new UriBuilder(new Uri(baseAddress, "/hubs/room")) { Scheme = baseAddress.Scheme == "https" ? "wss" : "ws" };
        if (token is not null)
        {
            builder.Query = "access_token=" + Uri.EscapeDataString(token);
        }

        return builder.Uri;
    }

    /// <summary>Opens the socket and completes the SignalR handshake (JSON protocol, version 1).</summary>
    public static async Task<RawHubClient> ConnectAsync(Uri baseAddress, string? token, string? origin = null, CancellationToken cancellationToken = default)
    {
        var socket = new ClientWebSocket();
        if (origin is not null)
        {
            socket.Options.SetRequestHeader("Origin", origin);
        }

        await socket.ConnectAsync(HubUri(baseAddress, token), cancellationToken);
        var client = new RawHubClient(socket);
        await client.SendBytesAsync(Encoding.UTF8.GetBytes("{\"protocol\":\"json\",\"version\":1}\u001e"), WebSocketMessageType.Text);
        var handshake = await client.ReadHandshakeAsync(cancellationToken);
        if (handshake.TryGetProperty("error", out var error))
        {
            await client.DisposeAsync();
            throw new InvalidOperationException("handshake refused: " + error.GetString());
        }

        _ = client.ReceiveLoopAsync();
        return client;
    }

    public string NextInvocationId() => Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Invokes <paramref name="target"/> with arguments given as raw JSON text (the inside of the array).</summary>
    public Task<RawCompletion> InvokeAsync(string target, string argumentsJson)
    {
        var id = NextInvocationId();
        var frame = $"{{\"type\":1,\"invocationId\":\"{id}\",\"target\":{JsonSerializer.Serialize(target)},\"arguments\":[{argumentsJson}]}}";
        return SendFrameAsync(id, Encoding.UTF8.GetBytes(frame));
    }

    /// <summary>Sends one frame (the separator is added) and waits for the completion of <paramref name="invocationId"/>, or the end of the connection.</summary>
    public async Task<RawCompletion> SendFrameAsync(string invocationId, byte[] frame, WebSocketMessageType type = WebSocketMessageType.Text)
    {
        var answer = new TaskCompletionSource<RawCompletion>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[invocationId] = answer;
        if (!IsOpen)
        {
            _pending.TryRemove(invocationId, out _);
            return RawCompletion.ConnectionClosed(_closeError);
        }

        try
        {
            await SendBytesAsync([.. frame, Separator], type);
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException or OperationCanceledException)
        {
            _pending.TryRemove(invocationId, out _);
            return RawCompletion.ConnectionClosed(await WaitClosedAsync());
        }

        return await answer.Task;
    }

    /// <summary>Sends bytes that need no answer (a frame that should end the connection, say); the separator is added.</summary>
    public async Task SendWithoutAnswerAsync(byte[] frame, WebSocketMessageType type = WebSocketMessageType.Text)
    {
        try
        {
            await SendBytesAsync([.. frame, Separator], type);
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The server may close the socket while the frame is on its way; Closed says how.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Already gone.
        }

        _socket.Dispose();
        Finish(null);
        _sendLock.Dispose();
        _stop.Dispose();
    }

    private async Task<string?> WaitClosedAsync()
    {
        var done = await Task.WhenAny(_closed.Task, Task.Delay(TimeSpan.FromSeconds(10)));
        return done == _closed.Task ? _closed.Task.Result : _closeError;
    }

    private async Task SendBytesAsync(byte[] bytes, WebSocketMessageType type)
    {
        await _sendLock.WaitAsync();
        try
        {
            await _socket.SendAsync(bytes, type, endOfMessage: true, _stop.Token);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async Task<JsonElement> ReadHandshakeAsync(CancellationToken cancellationToken)
    {
        var buffer = new List<byte>();
        var chunk = new byte[4096];
        while (true)
        {
            var read = await _socket.ReceiveAsync(chunk, cancellationToken);
            if (read.MessageType == WebSocketMessageType.Close)
            {
                throw new InvalidOperationException($"the server closed the socket during the handshake: {read.CloseStatus} {read.CloseStatusDescription}");
            }

            buffer.AddRange(chunk.AsSpan(0, read.Count));
            var end = buffer.IndexOf(Separator);
            if (end >= 0)
            {
                // Anything after the handshake answer in the same read would be lost; the server sends nothing before it gets a call.
                return JsonDocument.Parse(buffer.GetRange(0, end).ToArray()).RootElement.Clone();
            }
        }
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var read = await _socket.ReceiveAsync(chunk, _stop.Token);
                if (read.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                buffer.Write(chunk, 0, read.Count);
                var data = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
                var start = 0;
                int end;
                while ((end = data[start..].IndexOf(Separator)) >= 0)
                {
                    Handle(data.Slice(start, end));
                    start += end + 1;
                }

                var rest = data[start..].ToArray();
                buffer.SetLength(0);
                buffer.Write(rest);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The socket ended; Finish reports it to every waiting call.
        }

        Finish(_closeError);
    }

    private void Handle(ReadOnlySpan<byte> message)
    {
        using var document = JsonDocument.Parse(message.ToArray());
        var root = document.RootElement;
        switch (root.GetProperty("type").GetInt32())
        {
            case 1:
                var argument = root.TryGetProperty("arguments", out var arguments) && arguments.GetArrayLength() > 0 ? arguments[0].Clone() : default;
                Events.Enqueue((root.GetProperty("target").GetString()!, argument));
                break;
            case 3:
                var id = root.GetProperty("invocationId").GetString()!;
                if (_pending.TryRemove(id, out var answer))
                {
                    answer.TrySetResult(root.TryGetProperty("error", out var error)
                        ? RawCompletion.Failed(error.GetString()!)
                        : RawCompletion.Succeeded(root.TryGetProperty("result", out var result) ? result.Clone() : null));
                }

                break;
            case 7:
                _closeError = root.TryGetProperty("error", out var closeError) ? closeError.GetString() : null;
                break;
        }
    }

    private void Finish(string? closeError)
    {
        _closed.TrySetResult(closeError);
        foreach (var id in _pending.Keys)
        {
            if (_pending.TryRemove(id, out var answer))
            {
                answer.TrySetResult(RawCompletion.ConnectionClosed(closeError));
            }
        }
    }
}

/// <summary>How a raw call ended: a result, an error, or the end of the connection (with the close message's error).</summary>
public sealed record RawCompletion(bool Closed, string? Error, JsonElement? Result)
{
    public static RawCompletion Succeeded(JsonElement? result) => new(false, null, result);

    public static RawCompletion Failed(string error) => new(false, error, null);

    public static RawCompletion ConnectionClosed(string? closeError) => new(true, closeError, null);
}
