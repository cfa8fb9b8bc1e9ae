using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.SignalR.Client;
using StudyRooms.Contracts.Boards;
using StudyRooms.Contracts.Protocol;
using StudyRooms.Contracts.Rooms;

namespace StudyRooms.LoadTest;

/// <summary>
/// Join-board mode: seeds a room's board with N elements through PushOps (or takes an existing room),
/// then times, one after the other, fresh clients from opening the hub connection until the
/// JoinRoom answer with the board snapshot is decoded in the client.
/// </summary>
public sealed class JoinBench(LoadOptions options)
{
    private const int OpsPerPush = 200;

    public async Task<JoinReport> RunAsync(CancellationToken cancellationToken)
    {
        var target = new StudyRoomsTarget(options.Url, options);
        var roomId = options.JoinRoomId;
        double? seedSeconds = null;
        if (roomId is null)
        {
            var owner = await target.SignInAsync("load-board-owner", cancellationToken);
            roomId = await target.CreateRoomAsync(owner, 0, cancellationToken);
            var seeding = Stopwatch.StartNew();
            await SeedAsync(target, owner, roomId, options.JoinBoardElements!.Value, cancellationToken);
            seedSeconds = seeding.Elapsed.TotalSeconds;
            Console.Error.WriteLine($"seeded room {roomId} with {options.JoinBoardElements} elements in {seedSeconds:0.0} s");
        }

        var connectMs = new List<double>();
        var joinMs = new List<double>();
        var totalMs = new List<double>();
        var elements = 0;
        for (var i = 0; i < options.Joins; i++)
        {
            var token = await target.SignInAsync($"load-joiner-{i}", cancellationToken);
            var started = Stopwatch.GetTimestamp();
            await using var connection = await target.ConnectHubAsync(token, cancellationToken);
            await connection.StartAsync(cancellationToken);
            var connected = Stopwatch.GetTimestamp();
            var result = await connection.InvokeAsync<JoinRoomResult>(
                "JoinRoom",
                new JoinRoomRequest { ProtocolVersion = ProtocolVersion.Current, RoomId = roomId, ClientId = $"c_joiner{i}" },
                cancellationToken);
            var joined = Stopwatch.GetTimestamp();
            elements = result.Board?.Elements.Length ?? -1;
            connectMs.Add(Ms(connected - started));
            joinMs.Add(Ms(joined - connected));
            totalMs.Add(Ms(joined - started));
            Console.Error.WriteLine($"join {i + 1}: connect {connectMs[^1]:0.0} ms, JoinRoom with snapshot {joinMs[^1]:0.0} ms ({elements} elements)");
        }

        return new JoinReport
        {
            RoomId = roomId,
            Protocol = options.Protocol,
            Elements = elements,
            SeedSeconds = seedSeconds,
            ConnectMs = connectMs,
            JoinRoomMs = joinMs,
            TotalMs = totalMs,
        };
    }

    private static async Task SeedAsync(StudyRoomsTarget target, string token, string roomId, int count, CancellationToken cancellationToken)
    {
        await using var connection = await target.ConnectHubAsync(token, cancellationToken);
        await connection.StartAsync(cancellationToken);
        await connection.InvokeAsync<Ignored>(
            "JoinRoom",
            new JoinRoomRequest { ProtocolVersion = ProtocolVersion.Current, RoomId = roomId, ClientId = "c_seeder" },
            cancellationToken);
        var seq = 0L;
        for (var first = 0; first < count; first += OpsPerPush)
        {
            var ops = Enumerable.Range(first, Math.Min(OpsPerPush, count - first)).Select(i => Element(i, ++seq)).ToArray();
            await connection.InvokeAsync<PushOpsResult>("PushOps", new PushOpsRequest { RoomId = roomId, ClientId = "c_seeder", Ops = ops }, cancellationToken);
        }
    }

    /// <summary>A mix like a real board on a 100 × 100 grid: freehand strokes, rectangles, sticky-note text.</summary>
    private static ElementOp Element(int i, long seq)
    {
        double x = i % 100 * 120, y = i / 100 * 90;
        var id = string.Create(CultureInfo.InvariantCulture, $"seed_{i}");
        return (i % 3) switch
        {
            0 => new ElementOp
            {
                Kind = ElementOpKind.Create, ElementId = id, ClientSeq = seq, Type = "freehand",
                Props = new ElementProps { X = x, Y = y, Points = [0, 0, 10, 4, 20, 9, 30, 15, 40, 18, 50, 20, 60, 19, 70, 15], StrokeColor = "#1971c2", StrokeWidth = 3 },
            },
            1 => new ElementOp
            {
                Kind = ElementOpKind.Create, ElementId = id, ClientSeq = seq, Type = "rectangle",
                Props = new ElementProps { X = x, Y = y, Width = 100, Height = 60, StrokeColor = "#2f9e44", FillColor = "#b2f2bb", StrokeWidth = 2 },
            },
            _ => new ElementOp
            {
                Kind = ElementOpKind.Create, ElementId = id, ClientSeq = seq, Type = "text",
                Props = new ElementProps { X = x, Y = y, Text = $"note {i}: revise chapter {i % 12}", FontSize = 16, StrokeColor = "#1e1e1e" },
            },
        };
    }

    private static double Ms(long ticks) => Math.Round(ticks * 1000.0 / Stopwatch.Frequency, 1);
}

/// <summary>What join-board mode measured.</summary>
public sealed record JoinReport
{
    public required string RoomId { get; init; }
    public required string Protocol { get; init; }
    public int Elements { get; init; }
    public double? SeedSeconds { get; init; }
    public required List<double> ConnectMs { get; init; }
    public required List<double> JoinRoomMs { get; init; }
    public required List<double> TotalMs { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this, new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    });

    public void Print(TextWriter writer)
    {
        writer.WriteLine($"join room {RoomId} ({Elements} elements, {Protocol}), {TotalMs.Count} joins one after the other");
        writer.WriteLine($"  connect                 {string.Join(" / ", ConnectMs.Select(v => v.ToString("0.0", CultureInfo.InvariantCulture)))} ms");
        writer.WriteLine($"  JoinRoom with snapshot  {string.Join(" / ", JoinRoomMs.Select(v => v.ToString("0.0", CultureInfo.InvariantCulture)))} ms");
        writer.WriteLine($"  open to snapshot        {string.Join(" / ", TotalMs.Select(v => v.ToString("0.0", CultureInfo.InvariantCulture)))} ms (first {TotalMs[0]:0.0}, median {TotalMs.Order().ElementAt(TotalMs.Count / 2):0.0})");
    }
}
