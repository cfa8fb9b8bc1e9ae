using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.ExceptionServices;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.Options;
using StudyRooms.Contracts.Protocol;

namespace StudyRooms.Server.Hubs;

/// <summary>
/// SignalR's JSON protocol, with its parse errors turned into coded refusals (P-ERR-4). Without this,
/// arguments that do not bind (wrong JSON types, wrong argument count, an unknown method) and frames
/// that are not SignalR JSON answer "Failed to invoke 'X' due to an error on the server." or
/// "Connection closed with an error.", which name nothing; turning on SignalR's detailed errors would
/// name them, but would also send the text of every unexpected server exception to clients.
/// A <see cref="HubException"/> is the one exception whose message SignalR always passes on.
/// </summary>
public sealed class CodedJsonHubProtocol(IOptions<JsonHubProtocolOptions> options) : IHubProtocol
{
    /// <summary>The hub's MaximumReceiveMessageSize: one stroke may carry 20,000 numbers (P-OPS-4); a push of several stays under 1 MiB.</summary>
    public const int MaxMessageSize = 1024 * 1024;

    private const int MaxEchoLength = 64;
    private readonly JsonHubProtocol _inner = new(options);

    public string Name => _inner.Name;

    public int Version => _inner.Version;

    public TransferFormat TransferFormat => _inner.TransferFormat;

    public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [NotNullWhen(true)] out HubMessage? message)
    {
        var length = input.Length;
        try
        {
            if (!_inner.TryParseMessage(ref input, binder, out message))
            {
                // A whole message was read but skipped (an unknown type): "need more data" would leave it
                // in the connection's buffer and stall the connection for good, so refuse it instead.
                if (input.Length < length)
                {
                    throw Refusal("the message type is unknown");
                }

                // The connection handler offers at most the size limit; no separator in it means the
                // message is over the limit, and the handler would close with a bare InvalidDataException.
                return length >= MaxMessageSize
                    ? throw Refusal($"a message is larger than the limit of {MaxMessageSize} bytes")
                    : false;
            }
        }
        catch (Exception e) when (e is InvalidDataException or JsonException or DecoderFallbackException or FormatException or InvalidOperationException or ArgumentException)
        {
            throw Refusal($"the message is not SignalR JSON: {Describe(e.InnerException ?? e)}");
        }

        if (message is InvocationBindingFailureMessage failure)
        {
            var reason = Describe(failure.Target, failure.BindingFailure.SourceException);
            message = new InvocationBindingFailureMessage(failure.InvocationId, failure.Target, ExceptionDispatchInfo.Capture(Refusal(reason)));
        }

        return true;
    }

    public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => _inner.WriteMessage(message, output);

    public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => _inner.GetMessageBytes(message);

    public bool IsVersionSupported(int version) => _inner.IsVersionSupported(version);

    private static HubException Refusal(string reason) => new($"{ErrorCodes.InvalidRequest}: {reason}");

    private static string Describe(string target, Exception error) => error switch
    {
        HubException => $"the hub has no method '{Echo(target)}'",
        InvalidDataException { InnerException: { } inner } => $"the request of '{Echo(target)}' does not fit its shape: {Describe(inner)}",
        _ => $"the arguments of '{Echo(target)}' do not fit: {Describe(error)}",
    };

    /// <summary>The parser's own words (they say what and where: "… Path: $.ops[0].props.x"), without line and byte positions.</summary>
    private static string Describe(Exception error)
    {
        var text = error.Message;
        var cut = text.IndexOf(" | LineNumber", StringComparison.Ordinal);
        return cut > 0 ? text[..cut] : text;
    }

    /// <summary>A caller's text, clipped and with control characters shown as \uXXXX, fit to echo back.</summary>
    private static string Echo(string text)
    {
        var clipped = text.Length > MaxEchoLength ? text[..MaxEchoLength] + "…" : text;
        var result = new StringBuilder(clipped.Length);
        foreach (var c in clipped)
        {
            if (char.IsControl(c) || char.IsSurrogate(c))
            {
                result.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
            else
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }
}
