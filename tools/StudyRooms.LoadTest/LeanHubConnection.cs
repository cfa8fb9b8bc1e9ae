using System.Buffers;
using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;

namespace StudyRooms.LoadTest;

/// <summary>
/// A hub client for the driver that costs little per received message (<c>--client lean</c>): a
/// plain socket speaking WebSocket frames itself, with SignalR's own MessagePack hub protocol
/// (<see cref="MessagePackHubProtocol"/>) reading and writing every hub message. What it leaves out
/// of the SignalR client is the machinery between the socket and the handler: the HTTP connection
/// stream, the managed WebSocket, two pipes, a channel and a receive loop per connection. One socket
/// read here may carry many messages, each parsed and handed to its handler on the reading thread.
/// It speaks only what the scenario needs: no negotiation (WebSockets only, as the SignalR client is
/// configured here too), no reconnection, no streaming. A driver built on it can deliver past what
/// the SignalR client reaches on one core, so a server's saturation point is the server's, not the
/// driver's (docs/benchmarks.md, "A lean driver client").
/// </summary>
public sealed class LeanHubConnection : IDriverConnection
{
    /// <summary>A connection's socket reads and its message stream start this size and grow for a larger frame or message.</summary>
    private const int ReadSize = 16 * 1024;
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);
    private static readonly MessagePackHubProtocol Protocol = new();

    private readonly Uri _hubUrl;
    private readonly string? _accessToken;
    private readonly Dictionary<string, (Type Type, Action<object?> Handler)> _handlers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Pending> _pending = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly ArrayBufferWriter<byte> _message = new(1024);
    private readonly Socket _socket = new(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
    private readonly TaskCompletionSource _handshake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Binder _binder;
    private byte[] _frame = new byte[1024];
    private byte[] _stream = new byte[ReadSize];
    private int _streamLength;
    private long _nextInvocationId;
    private long _lastSend;
    private Timer? _keepAlive;
    private Task _receiving = Task.CompletedTask;
    private volatile Exception? _closed;

    public LeanHubConnection(Uri hubUrl, string? accessToken)
    {
        _hubUrl = hubUrl;
        _accessToken = accessToken;
        _binder = new Binder(this);
    }

    public void On<T>(string method, Action<T> handler) => _handlers[method] = (typeof(T), argument => handler((T)argument!));

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _socket.ConnectAsync(_hubUrl.Host, _hubUrl.Port, cancellationToken);
        var leftover = await UpgradeAsync(cancellationToken);
        _receiving = ReceiveAsync(leftover);
        await SendFrameAsync(Encoding.UTF8.GetBytes("{\"protocol\":\"messagepack\",\"version\":1}\u001e"));
        await _handshake.Task.WaitAsync(cancellationToken);
        _keepAlive = new Timer(static state => ((LeanHubConnection)state!).PingIfIdle(), this, KeepAlive, KeepAlive);
    }

    public async Task<T> InvokeAsync<T>(string method, object? argument, CancellationToken cancellationToken = default)
    {
        var id = Interlocked.Increment(ref _nextInvocationId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var pending = new Pending(typeof(T));
        _pending[id] = pending;
        if (_closed is { } closed)
        {
            _pending.TryRemove(id, out _);
            throw new IOException("the hub connection is closed", closed);
        }

        await SendAsync(new InvocationMessage(id, method, [argument]));
        return (T)(await pending.Result.Task.WaitAsync(cancellationToken))!;
    }

    public Task SendAsync(string method, object? argument) => SendAsync(new InvocationMessage(method, [argument]));

    public async ValueTask DisposeAsync()
    {
        if (_keepAlive is not null)
        {
            await _keepAlive.DisposeAsync();
        }

        try
        {
            // A close frame (status 1000), then the socket's end: the server sees a clean close.
            await SendFrameAsync([0x03, 0xE8], opcode: 0x8);
            _socket.Shutdown(SocketShutdown.Send);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or IOException)
        {
        }

        try
        {
            await _receiving.WaitAsync(TimeSpan.FromSeconds(5)); // the receive loop ends on the server's close and never throws
        }
        catch (TimeoutException)
        {
        }
        _socket.Dispose();
        Close(new IOException("the hub connection was disposed"));
        _sendLock.Dispose();
    }

    /// <summary>The HTTP/1.1 upgrade to a WebSocket; answers any bytes read past the response's head.</summary>
    private async Task<ArraySegment<byte>> UpgradeAsync(CancellationToken cancellationToken)
    {
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        var request = new StringBuilder()
            .Append("GET ").Append(_hubUrl.PathAndQuery).Append(" HTTP/1.1\r\n")
            .Append("Host: ").Append(_hubUrl.Authority).Append("\r\n")
            .Append("Upgrade: websocket\r\nConnection: Upgrade\r\n")
            .Append("Sec-WebSocket-Key: ").Append(key).Append("\r\nSec-WebSocket-Version: 13\r\n");
        if (_accessToken is not null)
        {
            request.Append("Authorization: Bearer ").Append(_accessToken).Append("\r\n");
        }

        await _socket.SendAsync(Encoding.ASCII.GetBytes(request.Append("\r\n").ToString()), cancellationToken);
        var buffer = new byte[8 * 1024];
        var length = 0;
        while (true)
        {
            var read = await _socket.ReceiveAsync(buffer.AsMemory(length), cancellationToken);
            if (read == 0)
            {
                throw new IOException("the server closed the connection during the WebSocket upgrade");
            }

            length += read;
            var end = buffer.AsSpan(0, length).IndexOf("\r\n\r\n"u8);
            if (end >= 0)
            {
                var head = Encoding.ASCII.GetString(buffer, 0, end);
                if (!head.StartsWith("HTTP/1.1 101", StringComparison.Ordinal))
                {
                    throw new IOException("the server refused the WebSocket upgrade: " + head.Split("\r\n")[0]);
                }

                return new ArraySegment<byte>(buffer, end + 4, length - end - 4);
            }

            if (length == buffer.Length)
            {
                throw new IOException("the WebSocket upgrade's response is too long");
            }
        }
    }

    private async Task ReceiveAsync(ArraySegment<byte> leftover)
    {
        var buffer = new byte[ReadSize];
        leftover.AsSpan().CopyTo(buffer);
        var length = leftover.Count;
        try
        {
            while (true)
            {
                var consumed = ReadFrames(buffer.AsSpan(0, length));
                if (consumed < 0)
                {
                    Close(new IOException("the server closed the WebSocket"));
                    return;
                }

                buffer.AsSpan(consumed, length - consumed).CopyTo(buffer);
                length -= consumed;
                if (length == buffer.Length)
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
                }

                var read = await _socket.ReceiveAsync(buffer.AsMemory(length), SocketFlags.None);
                if (read == 0)
                {
                    Close(new IOException("the server closed the connection"));
                    return;
                }

                length += read;
            }
        }
        catch (Exception e)
        {
            Close(e);
        }
    }

    /// <summary>
    /// Takes the whole WebSocket frames at the start of <paramref name="data"/>: their payloads are
    /// one byte stream of hub messages (SignalR may split a message over frames, or put several in
    /// one). Answers the bytes consumed, or -1 on a close frame.
    /// </summary>
    private int ReadFrames(ReadOnlySpan<byte> data)
    {
        var offset = 0;
        while (data.Length - offset >= 2)
        {
            var opcode = data[offset] & 0x0F;
            var length = (long)(data[offset + 1] & 0x7F);
            var header = 2;
            if (length == 126)
            {
                if (data.Length - offset < 4)
                {
                    break;
                }

                length = (data[offset + 2] << 8) | data[offset + 3];
                header = 4;
            }
            else if (length == 127)
            {
                if (data.Length - offset < 10)
                {
                    break;
                }

                length = (long)System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(data[(offset + 2)..]);
                header = 10;
            }

            if ((data[offset + 1] & 0x80) != 0)
            {
                throw new IOException("the server sent a masked WebSocket frame");
            }

            if (data.Length - offset - header < length)
            {
                break;
            }

            var payload = data.Slice(offset + header, (int)length);
            offset += header + (int)length;
            switch (opcode)
            {
                case 0x0 or 0x1 or 0x2:
                    AppendToStream(payload);
                    break;
                case 0x8:
                    return -1;
                case 0x9:
                    _ = SendFrameAsync(payload.ToArray(), opcode: 0xA);
                    break;
            }
        }

        ParseMessages();
        return offset;
    }

    private void AppendToStream(ReadOnlySpan<byte> payload)
    {
        if (_streamLength + payload.Length > _stream.Length)
        {
            Array.Resize(ref _stream, Math.Max(_stream.Length * 2, _streamLength + payload.Length));
        }

        payload.CopyTo(_stream.AsSpan(_streamLength));
        _streamLength += payload.Length;
    }

    /// <summary>Hands every whole hub message in the stream to its handler or its waiting invocation.</summary>
    private void ParseMessages()
    {
        var start = 0;
        if (!_handshake.Task.IsCompleted)
        {
            var end = _stream.AsSpan(0, _streamLength).IndexOf((byte)0x1e);
            if (end < 0)
            {
                return;
            }

            var response = Encoding.UTF8.GetString(_stream, 0, end);
            if (response.Contains("\"error\"", StringComparison.Ordinal))
            {
                _handshake.TrySetException(new IOException("the server refused the hub handshake: " + response));
            }
            else
            {
                _handshake.TrySetResult();
            }

            start = end + 1;
        }

        var messages = new ReadOnlySequence<byte>(_stream, start, _streamLength - start);
        while (Protocol.TryParseMessage(ref messages, _binder, out var message))
        {
            Dispatch(message);
        }

        var consumed = _streamLength - (int)messages.Length;
        if (consumed > 0)
        {
            _stream.AsSpan(consumed, _streamLength - consumed).CopyTo(_stream);
            _streamLength -= consumed;
        }
    }

    private void Dispatch(HubMessage message)
    {
        switch (message)
        {
            case InvocationMessage invocation when _handlers.TryGetValue(invocation.Target, out var handler):
                handler.Handler(invocation.Arguments[0]);
                break;
            case CompletionMessage completion when _pending.TryRemove(completion.InvocationId!, out var pending):
                if (completion.Error is { } error)
                {
                    // As the SignalR client answers a hub method's error.
                    pending.Result.TrySetException(new HubException(error));
                }
                else
                {
                    pending.Result.TrySetResult(completion.Result);
                }

                break;
            case CloseMessage close:
                Close(new IOException("the server closed the hub connection" + (close.Error is { } why ? ": " + why : "")));
                break;
        }
    }

    private void Close(Exception reason)
    {
        _closed ??= reason;
        _handshake.TrySetException(reason);
        foreach (var id in _pending.Keys)
        {
            if (_pending.TryRemove(id, out var pending))
            {
                pending.Result.TrySetException(reason);
            }
        }
    }

    /// <summary>The server drops a client it has not heard from within its timeout (30 s by default): an idle client pings.</summary>
    private void PingIfIdle()
    {
        if (Environment.TickCount64 - Interlocked.Read(ref _lastSend) >= KeepAlive.TotalMilliseconds / 2 && _closed is null)
        {
            _ = SendAsync(PingMessage.Instance).ContinueWith(static _ => { }, TaskScheduler.Default);
        }
    }

    private async Task SendAsync(HubMessage message)
    {
        await _sendLock.WaitAsync();
        try
        {
            _message.ResetWrittenCount();
            Protocol.WriteMessage(message, _message);
            await SendFrameLockedAsync(_message.WrittenSpan, opcode: 0x2);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async Task SendFrameAsync(byte[] payload, int opcode = 0x2)
    {
        await _sendLock.WaitAsync();
        try
        {
            await SendFrameLockedAsync(payload, opcode);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>One final frame, masked as every client frame must be (RFC 6455, 5.3).</summary>
    private ValueTask<int> SendFrameLockedAsync(ReadOnlySpan<byte> payload, int opcode)
    {
        var header = payload.Length < 126 ? 2 : payload.Length <= ushort.MaxValue ? 4 : 10;
        var size = header + 4 + payload.Length;
        if (_frame.Length < size)
        {
            _frame = new byte[Math.Max(size, _frame.Length * 2)];
        }

        var frame = _frame.AsSpan(0, size);
        frame[0] = (byte)(0x80 | opcode);
        if (header == 2)
        {
            frame[1] = (byte)(0x80 | payload.Length);
        }
        else if (header == 4)
        {
            frame[1] = 0x80 | 126;
            System.Buffers.Binary.BinaryPrimitives.WriteUInt16BigEndian(frame[2..], (ushort)payload.Length);
        }
        else
        {
            frame[1] = 0x80 | 127;
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(frame[2..], (ulong)payload.Length);
        }

        var mask = frame.Slice(header, 4);
        Random.Shared.NextBytes(mask);
        var body = frame[(header + 4)..];
        for (var i = 0; i < payload.Length; i++)
        {
            body[i] = (byte)(payload[i] ^ mask[i & 3]);
        }

        Interlocked.Exchange(ref _lastSend, Environment.TickCount64);
        return _socket.SendAsync(_frame.AsMemory(0, size), SocketFlags.None);
    }

    private sealed class Pending(Type resultType)
    {
        public Type ResultType { get; } = resultType;

        public TaskCompletionSource<object?> Result { get; } = new();
    }

    /// <summary>What the protocol asks while parsing: an event's argument type by its handler, a result's by its invocation.</summary>
    private sealed class Binder(LeanHubConnection connection) : IInvocationBinder
    {
        public IReadOnlyList<Type> GetParameterTypes(string methodName) =>
            connection._handlers.TryGetValue(methodName, out var handler)
                ? [handler.Type]
                : throw new InvalidOperationException($"no handler for {methodName}");

        public Type GetReturnType(string invocationId) =>
            connection._pending.TryGetValue(invocationId, out var pending) ? pending.ResultType : typeof(object);

        public Type GetStreamItemType(string streamId) => throw new NotSupportedException("the lean client does not stream");
    }
}
