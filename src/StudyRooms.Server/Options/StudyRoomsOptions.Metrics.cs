namespace StudyRooms.Server.Options;

/// <summary>Who may read /metrics (docs/operations.md, "Metrics").</summary>
public sealed partial class StudyRoomsOptions
{
    /// <summary>
    /// When set, /metrics answers only requests carrying <c>Authorization: Bearer &lt;token&gt;</c>.
    /// When unset, it answers only loopback and private-network addresses (a scraper inside the
    /// cluster or the LAN), and looks absent (404) to everyone else.
    /// </summary>
    public string? MetricsToken { get; set; }
}
