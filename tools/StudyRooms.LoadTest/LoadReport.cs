using System.Text.Json;
using System.Text.Json.Serialization;

namespace StudyRooms.LoadTest;

/// <summary>What one run measured; printed as text and as one JSON line for scripts.</summary>
public sealed record LoadReport
{
    public required string Target { get; init; }
    public string Protocol { get; init; } = "json";

    /// <summary>The driven clients' hub client (<c>--client</c>).</summary>
    public string Client { get; init; } = "signalr";
    public int Processes { get; init; } = 1;
    public int Clients { get; init; }
    public int Rooms { get; init; }
    public int? Drawers { get; init; }
    public double EditsPerClientPerSecond { get; init; }
    public double CursorHz { get; init; }
    public double DurationSeconds { get; init; }
    public double EditsSentPerSecond { get; init; }
    public double DeliveriesPerSecond { get; init; }
    public double DeliveryRatio { get; init; }
    public double CursorDeliveriesPerSecond { get; init; }
    public double LatencyP50Ms { get; init; }
    public double LatencyP95Ms { get; init; }
    public double LatencyP99Ms { get; init; }
    public double LatencyMaxMs { get; init; }
    public double AckP50Ms { get; init; }
    public double AckP99Ms { get; init; }
    public Dictionary<string, long> Errors { get; init; } = [];

    /// <summary>Edits the server acknowledged, over the whole run (warm-up and drain included).</summary>
    public long Acknowledged { get; init; }

    /// <summary>Acknowledged edits missing from their boards after the run (--verify-acks); null when not checked.</summary>
    public long? AcknowledgedLost { get; init; }

    /// <summary>Seconds from the end of the load to a well-behaved client's first acknowledged push (--recovery-probe).</summary>
    public double? RecoverySeconds { get; init; }

    /// <summary>What the recovery probe met before its push went through, by code.</summary>
    public Dictionary<string, long>? ProbeRefusals { get; init; }

    /// <summary>Element ids of every acknowledged edit, by room id; for checks after the run, not printed.</summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, string[]> AcknowledgedIds { get; init; } = new Dictionary<string, string[]>();
    public double? ServerCpuSeconds { get; init; }
    public double? ServerCpuSecondsPer1000Deliveries { get; init; }
    public double? ServerMicrosecondsPerDelivery { get; init; }
    public double? ServerPeakRssMiB { get; init; }

    /// <summary>CPU seconds the driver processes used over the measured window, and per delivery: a driver near a full core is the limit, not the server.</summary>
    public double? DriverCpuSeconds { get; init; }
    public double? DriverMicrosecondsPerDelivery { get; init; }

    /// <summary>Server RSS over the measured window: [seconds since the warm-up ended, MiB], the last at the end of the drain.</summary>
    public List<double[]>? ServerRssMiB { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this, new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    });

    public void Print(TextWriter writer)
    {
        writer.WriteLine($"target {Target} ({Protocol}, {Client} client, {Processes} driver process(es)): {Clients} clients in {Rooms} rooms, " +
            (Drawers is { } d ? $"{d} drawing per room, " : "") + $"{EditsPerClientPerSecond} edits/s each" +
            (CursorHz > 0 ? $", cursors {CursorHz} Hz" : "") + $", measured {DurationSeconds:0.#} s");
        writer.WriteLine($"  edits sent      {EditsSentPerSecond,10:0} /s");
        writer.WriteLine($"  deliveries      {DeliveriesPerSecond,10:0} /s   ratio {DeliveryRatio:P3}");
        if (CursorDeliveriesPerSecond > 0)
        {
            writer.WriteLine($"  cursors         {CursorDeliveriesPerSecond,10:0} /s delivered");
        }

        writer.WriteLine($"  edit-to-peer    p50 {LatencyP50Ms:0.00} ms  p95 {LatencyP95Ms:0.00} ms  p99 {LatencyP99Ms:0.00} ms  max {LatencyMaxMs:0.00} ms");
        writer.WriteLine($"  acknowledgement p50 {AckP50Ms:0.00} ms  p99 {AckP99Ms:0.00} ms");
        if (ServerCpuSeconds is { } cpu)
        {
            writer.WriteLine($"  server CPU      {cpu:0.00} s  = {ServerMicrosecondsPerDelivery:0.0} µs per delivery ({ServerCpuSecondsPer1000Deliveries:0.0000} s per 1,000)  peak RSS {ServerPeakRssMiB:0} MiB");
            if (ServerRssMiB is { Count: > 0 } samples)
            {
                writer.WriteLine("  server RSS      " + string.Join("  ", samples.Select(s => $"{s[0]:0}s:{s[1]:0}MiB")));
            }
        }

        if (DriverCpuSeconds is { } driver)
        {
            writer.WriteLine($"  driver CPU      {driver:0.00} s  = {DriverMicrosecondsPerDelivery:0.0} µs per delivery, {driver / DurationSeconds:P0} of a core");
        }

        if (Acknowledged > 0 || AcknowledgedLost is not null)
        {
            writer.WriteLine($"  acknowledged    {Acknowledged,10}" + (AcknowledgedLost is { } lost ? $"   acknowledged lost: {lost}" : ""));
        }

        if (ProbeRefusals is not null)
        {
            writer.WriteLine("  recovery        " + (RecoverySeconds is { } r ? $"{r:0.00} s after the load stopped" : "none within the probe's limit") +
                (ProbeRefusals.Count == 0 ? "" : " (refused first: " + string.Join(", ", ProbeRefusals.Select(e => $"{e.Key}={e.Value}")) + ")"));
        }

        writer.WriteLine(Errors.Count == 0 ? "  errors          none" : "  errors          " + string.Join(", ", Errors.Select(e => $"{e.Key}={e.Value}")));
    }
}
