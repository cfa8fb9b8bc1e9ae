using System.Globalization;

namespace StudyRooms.LoadTest;

/// <summary>The scenario: C clients over R rooms, each pushing U edits per second, after a warm-up.</summary>
public sealed record LoadOptions
{
    public Uri Url { get; init; } = new("http://127.0.0.1:5000");
    public int Clients { get; init; } = 100;
    public int Rooms { get; init; } = 10;
    public double EditsPerSecond { get; init; } = 5;
    public double CursorHz { get; init; }
    public double ChatPerSecond { get; init; }
    public int WarmupSeconds { get; init; } = 5;
    public int DurationSeconds { get; init; } = 20;
    public int? ServerPid { get; init; }
    public bool Relay { get; init; }
    public bool RelayBaseline { get; init; }
    public string? RelayCpu { get; init; }
    public int PointsPerEdit { get; init; } = 10;

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

        if (options.Clients < options.Rooms * 2)
        {
            throw new ArgumentException("--clients must be at least twice --rooms so every room has a peer to deliver to");
        }

        return options;
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
