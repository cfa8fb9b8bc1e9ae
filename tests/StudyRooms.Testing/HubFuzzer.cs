using System.Net.WebSockets;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace StudyRooms.Testing;

/// <summary>What the server must answer to a fuzz case.</summary>
public enum FuzzExpect
{
    /// <summary>A coded refusal, "HubException: CODE: reason" (P-ERR-1, P-ERR-4); the connection stays.</summary>
    Refused,

    /// <summary>A coded refusal, or silence for the methods that drop bad input by design (volatile relays, LeaveRoom).</summary>
    RefusedOrDropped,

    /// <summary>The frame is not a SignalR message: the server closes the connection saying INVALID_REQUEST.</summary>
    Closed,

    /// <summary>A text frame of invalid UTF-8: the WebSocket layer closes the socket before SignalR sees it.</summary>
    SocketClosed,

    /// <summary>A message type SignalR does not know: ignored, as the protocol says, and the connection stays.</summary>
    Ignored,

    /// <summary>
    /// Invalid bytes inside a string, or an empty target: System.Text.Json may read the frame (with
    /// replacement characters), so the server either ends the connection saying INVALID_REQUEST or
    /// answers the call and the connection stays usable.
    /// </summary>
    ClosedOrUsable,
}

/// <summary>One generated message: the frame bytes, how it is sent, and what must come back.</summary>
public sealed record FuzzCase(string Method, string Fault, string InvocationId, byte[] Frame, FuzzExpect Expect, WebSocketMessageType MessageType = WebSocketMessageType.Text)
{
    public string Preview => Encoding.UTF8.GetString(Frame.AsSpan(0, Math.Min(Frame.Length, 300)));
}

/// <summary>What the fuzzer aims at: a room the connection joined, one it did not, and ids that exist there.</summary>
public sealed record FuzzTarget(string RoomId, string OtherRoomId, string ClientId, IReadOnlyList<string> ExistingElementIds);

/// <summary>
/// A deterministic generator of malformed and adversarial calls to every method of a hub, found by
/// reflection (so a new method is fuzzed without a change here). Every case carries at least one
/// fault that the server must refuse: a wrong JSON type, a wrong argument count, an unknown target,
/// a room the connection has not joined, or a value outside the documented limits (docs/protocol.md)
/// for the methods whose rules it knows. Harmless noise (unknown fields, deep nesting, control
/// characters, huge strings) is added on top, so the fault is never the only odd thing in a message.
/// </summary>
public sealed class HubFuzzer
{
    /// <summary>Methods that answer nothing for input they drop (P-LIVE-1, P-LIVE-3, P-CHAT-14; LeaveRoom of a room not joined).</summary>
    public static readonly IReadOnlySet<string> QuietMethods = new HashSet<string>(StringComparer.Ordinal) { "StreamStroke", "MoveCursor", "SetTyping", "LeaveRoom" };

    private const string RawMarker = "\u0001raw:";

    /// <summary>
    /// Deepest nesting inside a call: SignalR reads the whole frame with one JSON reader that stops at
    /// 64 levels, so deeper nesting is a broken frame (it ends the connection), fuzzed by <see cref="NextFrame"/>.
    /// </summary>
    private const int MaxNesting = 55;
    private static readonly string[] Junk = ["", " ", "\u0000", "\u0007\u001b[31m", "\u202e", "<script>alert(1)</script>", "'; DROP TABLE rooms; --", "../../etc/passwd", "%00", "🙂", "null", "NaN", "\r\n\t"];
    private readonly Random _random;
    private readonly FuzzTarget _target;
    private readonly IReadOnlyList<HubMethod> _methods;
    private long _seq = 1_000_000;
    private int _fresh;

    public HubFuzzer(int seed, FuzzTarget target, Type hubType)
    {
        _random = new Random(seed);
        _target = target;
        _methods = Discover(hubType);
    }

    public IReadOnlyList<string> MethodNames => _methods.Select(m => m.Name).ToArray();

    /// <summary>The public hub methods of <paramref name="hubType"/>, as SignalR exposes them.</summary>
    public static IReadOnlyList<HubMethod> Discover(Type hubType) =>
        hubType.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && m.Name is not ("OnConnectedAsync" or "OnDisconnectedAsync" or "Dispose"))
            .Select(m => new HubMethod(m.Name, m.GetParameters().Select(p => p.ParameterType).ToArray()))
            .OrderBy(m => m.Name, StringComparer.Ordinal)
            .ToArray();

    /// <summary>A call that the server must refuse (or, for quiet methods, may drop) on a connection that stays open.</summary>
    public FuzzCase NextCall(string invocationId)
    {
        var method = _methods[_random.Next(_methods.Count)];
        var expect = QuietMethods.Contains(method.Name) ? FuzzExpect.RefusedOrDropped : FuzzExpect.Refused;
        var roll = _random.NextDouble();
        var (fault, target, arguments) = roll switch
        {
            < 0.08 => ("argument-kind", method.Name, WrongKindFor(method.Parameters[0], depth: 0)),
            < 0.13 => ("argument-count", method.Name, ArgumentCount(method)),
            < 0.15 => ("argument-null", method.Name, "null"),
            < 0.17 => ("unknown-method", UnknownTarget(), Serialize(Template(method.Parameters[0], method.Name, out _))),
            < 0.45 => ("field-kind", method.Name, FieldKind(method)),
            < 0.65 => ("room", method.Name, RoomFault(method)),
            < 0.70 => ("duplicate-key", method.Name, DuplicateRoomKey(method)),
            _ => Semantic(method) is { } semantic ? (semantic.Fault, method.Name, semantic.Json) : ("field-kind", method.Name, FieldKind(method)),
        };

        var frame = $"{{\"type\":1,\"invocationId\":\"{invocationId}\",\"target\":{JsonSerializer.Serialize(target)},\"arguments\":[{arguments}]}}";
        if (fault == "unknown-method")
        {
            expect = FuzzExpect.Refused;
        }

        return new FuzzCase(method.Name, fault, invocationId, Encoding.UTF8.GetBytes(frame), expect);
    }

    /// <summary>A frame that is not a well-formed SignalR JSON message; the server must end the connection.</summary>
    public FuzzCase NextFrame(string invocationId)
    {
        var method = _methods[_random.Next(_methods.Count)];
        var valid = $"{{\"type\":1,\"invocationId\":\"{invocationId}\",\"target\":\"{method.Name}\",\"arguments\":[{Serialize(Template(method.Parameters[0], method.Name, out _))}]}}";
        var bytes = Encoding.UTF8.GetBytes(valid);
        return _random.Next(10) switch
        {
            0 => Frame("truncated-json", bytes[..Math.Max(1, _random.Next(bytes.Length - 1))]),
            1 => Frame("random-bytes", RandomBytes(_random.Next(1, 2_000)), WebSocketMessageType.Binary),
            2 => Frame("invalid-utf8-binary", Splice(bytes, [0xff, 0xfe, 0xc3, 0x28]), WebSocketMessageType.Binary, FuzzExpect.ClosedOrUsable),
            3 => Frame("invalid-utf8-text", Splice(bytes, [0xc3, 0x28, 0xa0, 0xa1]), WebSocketMessageType.Text, FuzzExpect.SocketClosed),
            4 => Frame("missing-type", Encoding.UTF8.GetBytes($"{{\"invocationId\":\"{invocationId}\",\"target\":\"{method.Name}\",\"arguments\":[]}}")),
            5 => _random.Next(2) == 0
                ? Frame("unknown-type", Encoding.UTF8.GetBytes($"{{\"type\":{Pick("99", "-1", "12")},\"invocationId\":\"{invocationId}\",\"target\":\"{method.Name}\",\"arguments\":[]}}"))
                : Frame("bad-type", Encoding.UTF8.GetBytes($"{{\"type\":{Pick("\"1\"", "1.5", "null", "{}")},\"invocationId\":\"{invocationId}\",\"target\":\"{method.Name}\",\"arguments\":[]}}")),
            6 => Frame("empty-target", Encoding.UTF8.GetBytes($"{{\"type\":1,\"invocationId\":\"{invocationId}\",\"target\":\"\",\"arguments\":[]}}"), expect: FuzzExpect.ClosedOrUsable),
            7 when _random.Next(2) == 0 => Frame("not-json-number", Encoding.UTF8.GetBytes(valid.Replace("\"roomId\":", $"\"n\":{Pick("NaN", "Infinity", "-Infinity", "0x10", "1e", "--1", "+1", ".5", "01")},\"roomId\":", StringComparison.Ordinal))),
            7 => Frame("not-an-object", Encoding.UTF8.GetBytes(Pick("[]", "1", "\"text\"", "null", "true", "{", "}", "NaN"))),
            8 => Frame("over-size", Encoding.UTF8.GetBytes($"{{\"type\":1,\"invocationId\":\"{invocationId}\",\"target\":\"{method.Name}\",\"arguments\":[\"{new string('x', 1_100_000)}\"]}}")),
            _ => Frame("deep-nesting", Encoding.UTF8.GetBytes($"{{\"type\":1,\"invocationId\":\"{invocationId}\",\"target\":\"{method.Name}\",\"extra\":{new string('[', 5_000)}{new string(']', 5_000)},\"arguments\":[]}}")),
        };

        FuzzCase Frame(string fault, byte[] frame, WebSocketMessageType type = WebSocketMessageType.Text, FuzzExpect expect = FuzzExpect.Closed) =>
            new(method.Name, fault, invocationId, frame, expect, type);
    }

    private string ArgumentCount(HubMethod method)
    {
        var template = Serialize(Template(method.Parameters[0], method.Name, out _));
        return _random.Next(3) switch
        {
            0 => "",
            1 => template + "," + template,
            _ => template + ",1,\"extra\",null",
        };
    }

    private string UnknownTarget() => _random.Next(5) switch
    {
        0 => "Join Room",
        1 => RandomText(_random.Next(1, 40)),
        2 => new string('A', _random.Next(20) == 0 ? 20_000 : _random.Next(100, 1_000)),
        3 => "OnConnectedAsync",
        _ => _methods[_random.Next(_methods.Count)].Name + "Async",
    };

    private string FieldKind(HubMethod method)
    {
        var template = Template(method.Parameters[0], method.Name, out var slots);
        if (slots.Count == 0)
        {
            return WrongKindFor(method.Parameters[0], depth: 0);
        }

        var slot = slots[_random.Next(slots.Count)];
        slot.Parent[slot.Name] = Raw(WrongKindFor(slot.Type, depth: 0));
        return Serialize(template);
    }

    private string RoomFault(HubMethod method)
    {
        var template = Template(method.Parameters[0], method.Name, out _);
        var joining = method.Name == "JoinRoom";
        switch (_random.Next(joining ? 5 : 6))
        {
            case 0:
                template.Remove("roomId");
                break;
            case 1:
                template["roomId"] = null;
                break;
            case 2:
                template["roomId"] = _random.Next(4) == 0 ? Raw("\"\\ud800\"") : Pick(Junk);
                break;
            case 3:
                template["roomId"] = new string('r', _random.Next(50) == 0 ? 100_000 : _random.Next(65, 2_000));
                break;
            case 4:
                // Well-formed, but no such room (a join) or not joined (everything else).
                template["roomId"] = "r" + RandomAlphanumeric(21);
                break;
            default:
                template["roomId"] = _target.OtherRoomId;
                break;
        }

        return Serialize(template);
    }

    private string DuplicateRoomKey(HubMethod method)
    {
        // System.Text.Json keeps the last of duplicate keys: the joined room first, then one not joined.
        var template = Template(method.Parameters[0], method.Name, out _);
        template.Remove("roomId");
        var rest = Serialize(template)[1..];
        var last = method.Name == "JoinRoom" ? "r" + RandomAlphanumeric(21) : _target.OtherRoomId;
        return $"{{\"roomId\":{JsonSerializer.Serialize(_target.RoomId)},\"roomId\":{JsonSerializer.Serialize(last)}{(rest == "}" ? "" : ",")}{rest}";
    }

    /// <summary>A fault in the documented rules of the methods this generator knows; null for the others.</summary>
    private (string Fault, string Json)? Semantic(HubMethod method)
    {
        var room = _target.RoomId;
        string? json = method.Name switch
        {
            "JoinRoom" => Obj(("protocolVersion", Pick<JsonNode>(0, -1, 2, int.MaxValue, int.MinValue)), ("roomId", room), ("clientId", "c1")),
            "PushOps" => PushOpsFault(),
            "PostMessage" => _random.Next(5) switch
            {
                0 => Obj(("roomId", room), ("clientMessageId", "m" + NextFresh()), ("text", new string('x', _random.Next(4_001, 50_000)))),
                1 => Obj(("roomId", room), ("clientMessageId", "m" + NextFresh()), ("text", Pick("", "   ", "\t\r\n"))),
                2 => Obj(("roomId", room), ("clientMessageId", Pick("", "bad id", new string('m', 65), "\u0000")), ("text", "hi")),
                3 => Obj(("roomId", room), ("clientMessageId", "m" + NextFresh()), ("text", "hi"), ("mentions", new JsonArray(Enumerable.Range(0, _random.Next(21, 500)).Select(i => (JsonNode)("u" + i)).ToArray()))),
                _ => Obj(("roomId", room), ("clientMessageId", "m" + NextFresh()), ("text", "hi"), ("threadRootSeq", Pick<JsonNode>(-1, long.MaxValue, 0x7fff_ffff_ffL))),
            },
            "EditMessage" => Obj(("roomId", room), ("seq", MissingSeq()), ("text", "edited")),
            "DeleteMessage" => Obj(("roomId", room), ("seq", MissingSeq())),
            "ReactToMessage" => _random.Next(2) == 0
                ? Obj(("roomId", room), ("seq", MissingSeq()), ("emoji", "🙂"))
                : Obj(("roomId", room), ("seq", 1), ("emoji", Pick("", "a", "ok", " ", "\u0000", string.Concat(Enumerable.Repeat("🙂", 20)), "🙂 🙂"))),
            "LoadMessages" => Obj(("roomId", room), ("limit", Pick<JsonNode>(0, -1, 101, int.MaxValue, int.MinValue))),
            "SearchMessages" => _random.Next(2) == 0
                ? Obj(("roomId", room), ("query", Pick("", "   ", new string('q', 101))))
                : Obj(("roomId", room), ("query", "x"), ("limit", Pick<JsonNode>(0, -1, 51, int.MaxValue))),
            "RaiseHand" => Obj(("roomId", room), ("note", new string('n', _random.Next(201, 20_000)))),
            "TakeHand" or "ResolveHand" or "MuteInChat" or "RemoveParticipant" or "UnbanUser" =>
                Obj(("roomId", room), ("userId", Pick("", new string('u', _random.Next(65, 10_000))))),
            "SetRole" => _random.Next(2) == 0
                ? Obj(("roomId", room), ("userId", Pick("", new string('u', 65))), ("role", "member"))
                : Obj(("roomId", room), ("userId", "u" + NextFresh()), ("role", Pick<JsonNode>(4, 99, -1, int.MaxValue))),
            "PreviewBoardHistory" => Obj(("roomId", room), ("snapshotId", Pick("", new string('s', _random.Next(65, 10_000)), "s" + NextFresh(), "\u0000"))),
            "StartSprint" => _random.Next(3) switch
            {
                0 => Obj(("roomId", room), ("focusMinutes", Pick<JsonNode>(0, -25, 1e9, double.Epsilon))),
                1 => Obj(("roomId", room), ("preset", Pick("", "nope", "25/5/0", new string('9', 1_000)))),
                _ => Obj(("roomId", room), ("preset", "25/5"), ("cycles", Pick<JsonNode>(0, -1, 10_000, int.MaxValue))),
            },
            "ExtendSprint" => Obj(("roomId", room), ("minutes", Pick<JsonNode>(0, -5, 1e9, int.MinValue))),
            "SubmitRecap" => Obj(("roomId", room), ("blockIndex", Pick<JsonNode>(-1, int.MaxValue, int.MinValue)), ("outcome", "done")),
            "JoinSprint" or "SetSprintGoal" => Obj(("roomId", room), ("goal", new string('g', _random.Next(281, 20_000)))),
            "StreamStroke" => Obj(("roomId", room), ("strokeId", "s" + NextFresh()), ("startIndex", Pick<JsonNode>(-2, 1, int.MaxValue, int.MaxValue - 1)), ("points", Numbers(4)), ("strokeColor", "#000000"), ("strokeWidth", 2)),
            "MoveCursor" => _random.Next(2) == 0
                ? Obj(("roomId", room), ("x", Pick<JsonNode>(1e7, -1e7, 1e300)), ("y", 1))
                : Obj(("roomId", room), ("x", 1), ("y", 1), ("viewport", new JsonObject { ["x"] = 0, ["y"] = 0, ["width"] = Pick<JsonNode>(0, -1, 1e9), ["height"] = 10 })),
            _ => null,
        };
        return json is null ? null : ("semantic", json);
    }

    private string PushOpsFault()
    {
        var (fault, ops) = _random.Next(16) switch
        {
            0 => ("unknown-type", new JsonArray(Create(type: Pick("script", "", "image", "FREEHAND", new string('t', 5_000))))),
            1 => ("duplicate-id-existing", new JsonArray(Create(id: _target.ExistingElementIds[_random.Next(_target.ExistingElementIds.Count)]))),
            2 => ("duplicate-id-in-push", DuplicateInPush()),
            3 => ("patch-missing", new JsonArray(new JsonObject { ["kind"] = Pick("patch", "delete"), ["elementId"] = "e" + NextFresh(), ["clientSeq"] = NextSeq(), ["props"] = new JsonObject { ["x"] = 1 } })),
            4 => ("coordinate", new JsonArray(Create(props: Props(x: Pick<JsonNode>(1_000_001, -1e7, 1e308, -1e308))))),
            5 => ("stroke-width", new JsonArray(Create(props: Props(strokeWidth: Pick<JsonNode>(0, -1, 65, 1e9))))),
            6 => ("colour", new JsonArray(Create(props: Props(color: Pick("red", "#12345", "javascript:alert(1)", "#GGGGGG", ""))))),
            7 => ("points-count", new JsonArray(Create(props: Props(points: Numbers(_random.Next(2) == 0 ? 20_002 : 3))))),
            8 => ("text-length", new JsonArray(Create(type: "text", props: new JsonObject { ["x"] = 1, ["y"] = 1, ["text"] = new string('t', 2_001) }))),
            9 => ("element-id", new JsonArray(Create(id: Pick("", "bad id", new string('e', 65), "\u0000", "e/../x")))),
            10 => ("client-seq", new JsonArray(Create(seq: Pick<JsonNode>(0, -1, long.MinValue)))),
            11 => ("out-of-order-seq", OutOfOrder()),
            12 => ("op-count", new JsonArray(Enumerable.Range(0, _random.Next(201, 400)).Select(_ => (JsonNode)Create()).ToArray())),
            13 => ("opacity", new JsonArray(Create(props: Props(opacity: Pick<JsonNode>(-0.1, 1.5, 1e9))))),
            14 => ("kind", new JsonArray(Create(kind: Pick<JsonNode>(7, -1, 99)))),
            _ => ("no-ops", new JsonArray()),
        };
        var clientId = fault == "no-ops" || _random.Next(10) > 0 ? _target.ClientId : Pick("", "bad id", new string('c', 65));
        return Obj(("roomId", _target.RoomId), ("clientId", clientId), ("ops", ops));

        JsonArray DuplicateInPush()
        {
            var id = "e" + NextFresh();
            return new JsonArray(Create(id: id), Create(id: id));
        }

        JsonArray OutOfOrder()
        {
            var first = Create();
            var second = Create();
            (first["clientSeq"], second["clientSeq"]) = (second["clientSeq"]!.GetValue<long>(), first["clientSeq"]!.GetValue<long>());
            return new JsonArray(first, second);
        }
    }

    /// <summary>A freehand create op with a fresh id and sequence; the arguments replace one part by a faulty one.</summary>
    private JsonObject Create(string? id = null, string type = "freehand", JsonObject? props = null, JsonNode? seq = null, JsonNode? kind = null) => new()
    {
        ["kind"] = kind ?? "create",
        ["elementId"] = id ?? "e" + NextFresh(),
        ["clientSeq"] = seq ?? NextSeq(),
        ["type"] = type,
        ["props"] = props ?? Props(),
    };

    private JsonObject Props(JsonNode? x = null, JsonNode? strokeWidth = null, string? color = null, JsonArray? points = null, JsonNode? opacity = null) => new()
    {
        ["x"] = x ?? 10,
        ["y"] = 20,
        ["points"] = points ?? Numbers(6),
        ["strokeColor"] = color ?? "#1971c2",
        ["strokeWidth"] = strokeWidth ?? 3,
        ["opacity"] = opacity ?? 1,
    };

    private JsonArray Numbers(int count) => new(Enumerable.Range(0, count).Select(i => (JsonNode)(i % 50)).ToArray());

    private long NextSeq() => ++_seq;

    private int NextFresh() => ++_fresh;

    private JsonNode MissingSeq() => Pick<JsonNode>(-1, 0, long.MaxValue, 1_000_000_000);

    /// <summary>A valid-looking request for the type (by reflection), with noise; <paramref name="slots"/> lists every field a fault may replace.</summary>
    private JsonObject Template(Type type, string method, out List<Slot> slots)
    {
        slots = [];
        var template = Build(type, 0, slots) as JsonObject ?? [];
        if (_random.NextDouble() < 0.3)
        {
            AddNoise(template);
        }

        if (method != "JoinRoom" || _random.Next(2) == 0)
        {
            template["roomId"] = _target.RoomId;
        }

        return template;
    }

    private JsonNode? Build(Type type, int depth, List<Slot> slots)
    {
        var plain = Nullable.GetUnderlyingType(type) ?? type;
        if (plain == typeof(string))
        {
            return "ok";
        }

        if (plain == typeof(bool))
        {
            return true;
        }

        if (plain.IsEnum)
        {
            return JsonNamingPolicy.CamelCase.ConvertName(Enum.GetNames(plain)[0]);
        }

        if (plain.IsPrimitive || plain == typeof(decimal))
        {
            return 1;
        }

        if (plain.IsArray)
        {
            return new JsonArray();
        }

        if (depth > 2 || !plain.IsClass)
        {
            return null;
        }

        var result = new JsonObject();
        foreach (var property in plain.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            result[name] = Build(property.PropertyType, depth + 1, slots);
            slots.Add(new Slot(result, name, property.PropertyType));
        }

        return result;
    }

    /// <summary>A JSON value (as text) of the wrong kind for <paramref name="type"/>: System.Text.Json cannot bind it.</summary>
    private string WrongKindFor(Type type, int depth)
    {
        var plain = Nullable.GetUnderlyingType(type) ?? type;
        if (plain == typeof(string))
        {
            return Pick("123", "true", "{\"a\":1}", "[1,2]", "-0.5", Nested(_random.Next(2, MaxNesting)));
        }

        if (plain == typeof(bool))
        {
            return Pick("\"true\"", "1", "0", "{}", "[]", "\"yes\"");
        }

        if (plain.IsEnum)
        {
            return Pick("\"noSuchValue\"", "{}", "[]", "true", JsonSerializer.Serialize(RandomText(8) + "x"), "1.5");
        }

        if (plain == typeof(double) || plain == typeof(float))
        {
            return Pick("\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "\"1\"", "{}", "[]", "true", "1e400", "-1e400", type == plain ? "null" : "\"\"");
        }

        if (plain.IsPrimitive)
        {
            return Pick("1.5", plain == typeof(long) ? "1e30" : "3000000000", "99999999999999999999", "-99999999999999999999", "1e400", "\"NaN\"", "\"1\"", "{}", "[]", "true", type == plain ? "null" : "\"\"");
        }

        if (plain.IsArray)
        {
            var element = plain.GetElementType()!;
            return Pick("{}", "\"[]\"", "1", "true", element == typeof(string) || element.IsPrimitive ? "[{}]" : "[1]", Nested(_random.Next(2, MaxNesting)));
        }

        return depth > 0
            ? "1"
            : Pick("1", "\"request\"", "true", "[]", "[{}]", Nested(_random.Next(2, MaxNesting)));
    }

    private void AddNoise(JsonObject template)
    {
        var count = _random.Next(1, 4);
        for (var i = 0; i < count; i++)
        {
            var name = Pick("extra", "__proto__", "constructor", "$type", "x-" + RandomAlphanumeric(4), RandomText(6));
            if (template.ContainsKey(name))
            {
                continue;
            }

            template[name] = _random.Next(6) switch
            {
                0 => Pick(Junk),
                1 => _random.Next(100) == 0 ? new string('z', _random.Next(10_000, 200_000)) : new string('z', _random.Next(0, 2_000)),
                2 => new JsonArray(Enumerable.Range(0, _random.Next(0, _random.Next(100) == 0 ? 20_000 : 200)).Select(i => (JsonNode)i).ToArray()),
                3 => Raw(Nested(_random.Next(2, 40))),
                4 => Pick<JsonNode>(-1, long.MaxValue, double.MaxValue, 1e-300, 0),
                _ => new JsonObject { ["roomId"] = _target.OtherRoomId, ["userId"] = "u_admin", ["role"] = "owner" },
            };
        }
    }

    /// <summary>Nested arrays and objects, <paramref name="depth"/> deep (System.Text.Json stops at 64).</summary>
    private static string Nested(int depth)
    {
        var open = new StringBuilder(depth * 6);
        var close = new StringBuilder(depth * 2);
        for (var i = 0; i < depth; i++)
        {
            if (i % 2 == 0)
            {
                open.Append('[');
                close.Insert(0, ']');
            }
            else
            {
                open.Append("{\"a\":");
                close.Insert(0, '}');
            }
        }

        return open.Append("1").Append(close).ToString();
    }

    private static JsonNode Raw(string json) => JsonValue.Create(RawMarker + json + "\u0001")!;

    /// <summary>Serializes, splicing raw JSON text (NaN, broken numbers) in place of its markers.</summary>
    private static string Serialize(JsonNode node)
    {
        var text = node.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        const string start = "\"\\u0001raw:";
        int at;
        while ((at = text.IndexOf(start, StringComparison.Ordinal)) >= 0)
        {
            var end = text.IndexOf("\\u0001\"", at + start.Length, StringComparison.Ordinal);
            var raw = System.Text.RegularExpressions.Regex.Unescape(text[(at + start.Length)..end]);
            text = text[..at] + raw + text[(end + "\\u0001\"".Length)..];
        }

        return text;
    }

    private static string Obj(params (string Name, JsonNode? Value)[] members)
    {
        var result = new JsonObject();
        foreach (var (name, value) in members)
        {
            result[name] = value;
        }

        return Serialize(result);
    }

    private T Pick<T>(params T[] choices) => choices[_random.Next(choices.Length)];

    private string RandomText(int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = (char)_random.Next(0, 0x3000);
        }

        return new string(chars);
    }

    private string RandomAlphanumeric(int length)
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        return new string(Enumerable.Range(0, length).Select(_ => alphabet[_random.Next(alphabet.Length)]).ToArray());
    }

    private byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        _random.NextBytes(bytes);
        return bytes.Select(b => b == RawHubClient.Separator ? (byte)0 : b).ToArray();
    }

    private byte[] Splice(byte[] frame, byte[] bad)
    {
        var at = _random.Next(1, frame.Length - 1);
        return [.. frame[..at], .. bad, .. frame[at..]];
    }

    /// <summary>A hub method as SignalR binds it: its name and parameter types.</summary>
    public sealed record HubMethod(string Name, Type[] Parameters);

    private sealed record Slot(JsonObject Parent, string Name, Type Type);
}
