using StudyRooms.Testing;

namespace StudyRooms.Cluster.Tests;

/// <summary>
/// The opening of the failover tests: two server processes on a Redis of their own. Ada creates a
/// room and joins it on A while A is the only silo, so the room's grains live on A (the one to
/// kill); then B joins the cluster and Bob joins the room through B. Disposing closes the clients,
/// stops the servers and then Redis.
/// </summary>
public sealed class TwoServerRoom : IAsyncDisposable
{
    private readonly RedisServer _redis;

    private TwoServerRoom(RedisServer redis, IReadOnlyDictionary<string, string>? settings)
    {
        _redis = redis;
        Cluster = new ServerCluster(redis.ConnectionString, settings);
    }

    public ServerCluster Cluster { get; }

    /// <summary>The server that hosts the room's grains.</summary>
    public ClusterNode A { get; private set; } = null!;

    public ClusterNode B { get; private set; } = null!;

    public TestUser Ada { get; private set; } = null!;

    public TestUser Bob { get; private set; } = null!;

    public string RoomId { get; private set; } = null!;

    /// <summary>Ada's client, joined through A.</summary>
    public RoomClient AdaOnA { get; private set; } = null!;

    /// <summary>Bob's client, joined through B.</summary>
    public RoomClient BobOnB { get; private set; } = null!;

    public static async Task<TwoServerRoom> OpenAsync(bool appendOnly = true, IReadOnlyDictionary<string, string>? settings = null)
    {
        var room = new TwoServerRoom(await RedisServer.StartAsync(appendOnly), settings);
        try
        {
            await room.OpenRoomAsync();
            return room;
        }
        catch
        {
            await room.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        // A client closed by its test already (e.g. after its server was killed) closes again at no cost.
        if (BobOnB is not null)
        {
            await BobOnB.DisposeAsync();
        }

        if (AdaOnA is not null)
        {
            await AdaOnA.DisposeAsync();
        }

        await Cluster.DisposeAsync();
        await _redis.DisposeAsync();
    }

    private async Task OpenRoomAsync()
    {
        A = await Cluster.StartNodeAsync("A");
        Ada = await A.Client.SignInAsync("Ada");
        RoomId = (await A.Client.CreateRoomAsync(Ada, "Chemistry")).RoomId;
        AdaOnA = await RoomClient.ConnectAsync(A.Client, Ada);
        await AdaOnA.JoinAsync(RoomId);
        B = await Cluster.StartNodeAsync("B");
        await Poll.UntilAsync(Cluster.AllActiveAsync, "A and B are active in one cluster", TimeSpan.FromSeconds(30));
        Bob = await B.Client.SignInAsync("Bob");
        BobOnB = await RoomClient.ConnectAsync(B.Client, Bob);
        await BobOnB.JoinAsync(RoomId);
    }
}
