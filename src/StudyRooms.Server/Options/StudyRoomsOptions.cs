namespace StudyRooms.Server.Options;

/// <summary>
/// Section "StudyRooms". <see cref="Redis"/> is the one switch of the deployment mode: unset runs
/// the embedded single node (localhost clustering, SQLite in <see cref="DataDirectory"/>); set runs
/// a cluster member on Redis (clustering, grain storage, boards, SignalR backplane).
/// </summary>
public sealed partial class StudyRoomsOptions
{
    public const string Section = "StudyRooms";

    /// <summary>Where the embedded mode keeps its SQLite file and generated signing key.</summary>
    public string DataDirectory { get; set; } = "./data";

    /// <summary>StackExchange.Redis connection string; switches to Redis (cluster) mode.</summary>
    public string? Redis { get; set; }

    /// <summary>Prefix of every Redis key and channel, so deployments can share one Redis.</summary>
    public string KeyPrefix { get; set; } = "studyrooms";

    public string ClusterId { get; set; } = "studyrooms";

    public string ServiceId { get; set; } = "studyrooms";

    /// <summary>Orleans silo-to-silo port.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Orleans gateway port.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>Log format on the console: "text" or "json".</summary>
    public string LogFormat { get; set; } = "text";

    /// <summary>Address other silos reach this one at (Redis mode); unset picks this host's first address.</summary>
    public string? AdvertisedIp { get; set; }

    public bool IsRedisMode => !string.IsNullOrWhiteSpace(Redis);
}
