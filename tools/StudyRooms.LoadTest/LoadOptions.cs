using System.Globalization;

namespace StudyRooms.LoadTest;

/// <summary>
/// The scenario: C clients over R rooms (client c sits in room c mod R), each pushing U edits per
/// second after a warm-up. With <see cref="Drawers"/> only the first D clients of each room draw and
/// move cursors; the rest watch (seated as viewers past a room capacity of D).
/// </summary>
public sealed record LoadOptions
{
    public Uri Url { get; init; } = new("http://127.0.0.1:5000");
    public int Clients { get; init; } = 100;
    public int Rooms { get; init; } = 10;
    public double EditsPerSecond { get; init; } = 5;
    public double CursorHz { get; init; }
    public int WarmupSeconds { get; init; } = 5;
    public int DurationSeconds { get; init; } = 20;
    public int? ServerPid { get; init; }
    public bool Relay { get; init; }
    public bool RelayBaseline { get; init; }
    public string? RelayCpu { get; init; }
    public int PointsPerEdit { get; init; } = 10;

    /// <summary>Driver processes; above 1 the clients are spread over child processes (client c in child c mod N).</summary>
    public int Processes { get; init; } = 1;

    /// <summary>Per room, how many clients draw (edits and cursors); null = all of them.</summary>
    public int? Drawers { get; init; }

    /// <summary>Hub protocol of the driven clients: json or messagepack.</summary>
    public string Protocol { get; init; } = "json";

    /// <summary>
    /// The driven clients' hub client: signalr (the SignalR client) or lean (<see cref="LeanHubConnection"/>,
    /// MessagePack only), which costs the driver less per received message.
    /// </summary>
    public string Client { get; init; } = "signalr";

    /// <summary>Seconds between the server RSS samples kept in the report.</summary>
    public int RssEverySeconds { get; init; } = 10;

    /// <summary>Join-board mode: seed a board with this many elements, then time joins.</summary>
    public int? JoinBoardElements { get; init; }

    /// <summary>Join-board mode: join this existing room instead of seeding one.</summary>
    public string? JoinRoomId { get; init; }

    /// <summary>Join-board mode: how many joins to time, one after the other.</summary>
    public int Joins { get; init; } = 5;

    /// <summary>Child mode: which shard this process drives, and the room ids the parent created.</summary>
    public int ShardIndex { get; init; }

    public IReadOnlyList<string>? RoomIds { get; init; }

    /// <summary>After the run, check that every acknowledged edit is on its board (through the export endpoint).</summary>
    public bool VerifyAcks { get; init; }

    /// <summary>Measure recovery: a well-behaved client pushes from the moment the load stops until one push is acknowledged.</summary>
    public bool RecoveryProbe { get; init; }

    public bool IsMessagePack => Protocol == "messagepack";

    public bool IsLeanClient => Client == "lean";

    public int RoomOf(int client) => client % Rooms;

    public int RoomSize(int room) => (Clients / Rooms) + (room < Clients % Rooms ? 1 : 0);

    /// <summary>Client c is the (c / R)-th of its room; the first <see cref="Drawers"/> draw.</summary>
    public bool IsDrawer(int client) => Drawers is not { } d || client / Rooms < d;

    /// <summary>Whether rooms need a capacity so that watchers are seated as viewers.</summary>
    public bool SeatsWatchersAsViewers => Drawers is { } d && d < Clients / Rooms;

    public static LoadOptions Parse(IReadOnlyList<string> args)
    {
        var options = new LoadOptions();
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--url" => options with { Url = new Uri(Value()) },
                "--clients" => options with { Clients = Int(Value(), "--clients", 1, 100_000) },
                "--rooms" => options with { Rooms = Int(Value(), "--rooms", 1, 100_000) },
                "--edits" => options with { EditsPerSecond = Double(Value(), "--edits", 0, 1_000) },
                "--cursor-hz" => options with { CursorHz = Double(Value(), "--cursor-hz", 0, 60) },
                "--warmup" => options with { WarmupSeconds = Int(Value(), "--warmup", 0, 3_600) },
                "--duration" => options with { DurationSeconds = Int(Value(), "--duration", 1, 3_600) },
                "--server-pid" => options with { ServerPid = Int(Value(), "--server-pid", 1, int.MaxValue) },
                "--points" => options with { PointsPerEdit = Int(Value(), "--points", 1, 5_000) },
                "--processes" => options with { Processes = Int(Value(), "--processes", 1, 64) },
                "--drawers" => options with { Drawers = Int(Value(), "--drawers", 1, 100_000) },
                "--protocol" => options with { Protocol = Value() is ("json" or "messagepack") and var p ? p : throw new ArgumentException("--protocol must be json or messagepack") },
                "--client" => options with { Client = Value() is ("signalr" or "lean") and var c ? c : throw new ArgumentException("--client must be signalr or lean") },
                "--rss-every" => options with { RssEverySeconds = Int(Value(), "--rss-every", 1, 3_600) },
                "--join-board" => options with { JoinBoardElements = Int(Value(), "--join-board", 1, 50_000) },
                "--join-room" => options with { JoinRoomId = Value() },
                "--joins" => options with { Joins = Int(Value(), "--joins", 1, 1_000) },
                "--shard" => options with { ShardIndex = Int(Value(), "--shard", 0, 63) },
                "--room-ids" => options with { RoomIds = Value().Split(',') },
                "--verify-acks" => options with { VerifyAcks = true },
                "--recovery-probe" => options with { RecoveryProbe = true },
                "--relay" => options with { Relay = true },
                "--relay-baseline" => options with { RelayBaseline = true },
                "--relay-cpu" => options with { RelayCpu = Value() },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }

        if (!options.Url.IsLoopback)
        {
            throw new ArgumentException("--url must be a loopback address: the load tool only targets this machine");
        }

        if (options.JoinBoardElements is null && options.JoinRoomId is null && options.Clients < options.Rooms * 2)
        {
            throw new ArgumentException("--clients must be at least twice --rooms so every room has a peer to deliver to");
        }

        if (options.IsLeanClient && !options.IsMessagePack)
        {
            throw new ArgumentException("--client lean speaks the MessagePack hub protocol only: add --protocol messagepack");
        }

        if (options.RoomIds is { } ids && ids.Count != options.Rooms)
        {
            throw new ArgumentException("--room-ids must name one room per --rooms");
        }

        return options;
    }

    /// <summary>The arguments a child driver process gets: the same scenario, against one target, as shard <paramref name="shard"/>.</summary>
    public IEnumerable<string> ChildArgs(int shard, Uri url, bool relay, IReadOnlyList<string>? roomIds)
    {
        yield return "shard";
        foreach (var (name, value) in new (string, object?)[]
        {
            ("--url", url), ("--clients", Clients), ("--rooms", Rooms), ("--edits", EditsPerSecond), ("--cursor-hz", CursorHz),
            ("--warmup", WarmupSeconds), ("--duration", DurationSeconds), ("--points", PointsPerEdit), ("--processes", Processes),
            ("--drawers", Drawers), ("--protocol", Protocol), ("--client", Client), ("--shard", shard),
            ("--room-ids", roomIds is null ? null : string.Join(',', roomIds)),
        })
        {
            if (value is not null)
            {
                yield return name;
                yield return Convert.ToString(value, CultureInfo.InvariantCulture)!;
            }
        }

        if (relay)
        {
            yield return "--relay";
        }
    }

    private static int Int(string value, string name, int min, int max) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max
            ? v
            : throw new ArgumentException($"{name} must be an integer between {min} and {max}");

    private static double Double(string value, string name, double min, double max) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max
            ? v
            : throw new ArgumentException($"{name} must be a number between {min} and {max}");
}
