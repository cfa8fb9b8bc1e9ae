using System.Globalization;
using System.Text.Json;
using StackExchange.Redis;

namespace StudyRooms.Testing;

/// <summary>
/// Several server processes forming one Orleans cluster on one Redis: shared signing key, and a
/// key prefix, cluster id and service id of their own so clusters of parallel tests never meet.
/// </summary>
public sealed class ServerCluster : IAsyncDisposable
{
    private readonly List<ClusterNode> _nodes = [];
    private readonly string _signingKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    public ServerCluster(string redisConnectionString, IReadOnlyDictionary<string, string>? settings = null)
    {
        RedisConnectionString = redisConnectionString;
        Settings = settings ?? new Dictionary<string, string>();
    }

    private ServerCluster(ServerCluster original, string redisConnectionString)
        : this(redisConnectionString, original.Settings)
    {
        _signingKey = original._signingKey;
        Prefix = original.Prefix;
    }

    /// <summary>The same deployment (key prefix, ids, signing key) on another Redis, e.g. one restored from a backup.</summary>
    public ServerCluster MovedTo(string redisConnectionString) => new(this, redisConnectionString);

    public string RedisConnectionString { get; }

    public IReadOnlyDictionary<string, string> Settings { get; }

    /// <summary>Key prefix, cluster id and service id of this cluster.</summary>
    public string Prefix { get; } = "c" + Guid.NewGuid().ToString("N")[..10];

    public IReadOnlyList<ClusterNode> Nodes => _nodes;

    public async Task<ClusterNode> StartNodeAsync(string name)
    {
        var settings = new Dictionary<string, string>
        {
            ["StudyRooms:Redis"] = RedisConnectionString,
            ["StudyRooms:KeyPrefix"] = Prefix,
            ["StudyRooms:ClusterId"] = Prefix,
            ["StudyRooms:ServiceId"] = Prefix,
            ["StudyRooms:AdvertisedIp"] = "127.0.0.1",
            ["StudyRooms:Auth:SigningKey"] = _signingKey,
        };
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }

        var node = await ClusterNode.StartAsync(name, settings);
        _nodes.Add(node);
        return node;
    }

    /// <summary>Orleans' membership table in Redis (hash "{serviceId}/members/{clusterId}"): silo port → status.</summary>
    public async Task<IReadOnlyList<(int SiloPort, string Status)>> MembershipAsync()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(RedisConnectionString);
        var rows = await redis.GetDatabase().HashGetAllAsync($"{Prefix}/members/{Prefix}");
        return rows
            .Where(row => row.Name != "Version")
            .Select(row =>
            {
                // Field: "S127.0.0.1:port:generation".
                var port = int.Parse(row.Name.ToString().Split(':')[1], CultureInfo.InvariantCulture);
                using var json = JsonDocument.Parse(row.Value.ToString());
                var status = json.RootElement.GetProperty("Status");
                var text = status.ValueKind == JsonValueKind.Number
                    ? ((Orleans.Runtime.SiloStatus)status.GetInt32()).ToString()
                    : status.GetString()!;
                return (port, text);
            })
            .ToArray();
    }

    /// <summary>Whether the cluster has written the silo of <paramref name="node"/> down as dead.</summary>
    public async Task<bool> IsDeclaredDeadAsync(ClusterNode node) =>
        (await MembershipAsync()).Any(row => row.SiloPort == node.SiloPort && row.Status == nameof(Orleans.Runtime.SiloStatus.Dead));

    /// <summary>Whether every silo of the running nodes is active in the membership table.</summary>
    public async Task<bool> AllActiveAsync()
    {
        var rows = await MembershipAsync();
        return _nodes.Where(n => !n.HasExited)
            .All(n => rows.Any(row => row.SiloPort == n.SiloPort && row.Status == nameof(Orleans.Runtime.SiloStatus.Active)));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }
    }
}
