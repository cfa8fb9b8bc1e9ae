namespace StudyRooms.Server.Options;

/// <summary>Load shedding: how much hub work one server takes on at once (docs/operations.md, "Overload").</summary>
public sealed partial class StudyRoomsOptions
{
    /// <summary>
    /// Hub calls this server runs at once; a call past it is refused at once with <c>OVERLOADED</c>
    /// (P-ERR-6). LeaveRoom is never refused, and volatile calls past it are dropped.
    /// </summary>
    public int MaxConcurrentHubCalls { get; set; } = 500;

    /// <summary>The retry hint of an <c>OVERLOADED</c> refusal; each refusal asks for this plus up to half again, spread so that refused clients do not all come back at once.</summary>
    public TimeSpan OverloadRetryAfter { get; set; } = TimeSpan.FromSeconds(1);
}
