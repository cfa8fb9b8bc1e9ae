using System.Net;
using Orleans.Configuration;
using StackExchange.Redis;
using StudyRooms.Grains.Storage;
using StudyRooms.Server.Options;
using StudyRooms.Storage;

namespace StudyRooms.Server.Hosting;

/// <summary>The co-hosted Orleans silo in either deployment mode.</summary>
public static class OrleansSetup
{
    public static void Configure(ISiloBuilder silo, StudyRoomsOptions options)
    {
        silo.Configure<ClusterOptions>(cluster =>
        {
            cluster.ClusterId = options.ClusterId;
            cluster.ServiceId = options.ServiceId;
        });

        // The grain location cache is allocated at full size up front: 1,000,000 entries (the default)
        // are 9 MiB of resident memory, a fifth of an idle server's heap. A room uses a handful of
        // grains, so 100,000 entries still cover tens of thousands of active rooms per server.
        silo.Configure<GrainDirectoryOptions>(directory => directory.CacheSize = 100_000);

        // Stored state is plain JSON without .NET type names, so renaming a type keeps saved data.
        silo.UseSystemTextJsonGrainStorageSerializer();

        if (options.IsRedisMode)
        {
            ConfigureRedis(silo, options);
        }
        else
        {
            silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, null, options.ServiceId, options.ClusterId);
            silo.Services.AddStudyRoomsSqliteStorage(options.DataDirectory);
            silo.UseStudyRoomsSqliteReminders();
        }
    }

    private static void ConfigureRedis(ISiloBuilder silo, StudyRoomsOptions options)
    {
        var redis = options.Redis!;
        var prefix = options.KeyPrefix;
        silo.UseRedisClustering(clustering => clustering.ConfigurationOptions = ConfigurationOptions.Parse(redis));
        silo.UseRedisReminderService(reminders => reminders.ConfigurationOptions = ConfigurationOptions.Parse(redis));

        // Where each activation lives is kept in Redis, not in a partition owned by one silo: with the
        // in-cluster directory, a silo's death also deactivates the survivors' grains whose directory
        // entries it held, and a room activation takes its presence with it (P-PRES-2).
        silo.UseRedisGrainDirectoryAsDefault(directory => directory.ConfigurationOptions = ConfigurationOptions.Parse(redis));
        silo.Configure<ClusterMembershipOptions>(membership =>
        {
            membership.ProbeTimeout = options.MembershipProbeTimeout;
            membership.MaxProbeTimeout = options.MembershipMaxProbeTimeout;
            membership.NumMissedProbesLimit = options.MembershipMissedProbesLimit;
            membership.NumVotesForDeathDeclaration = options.MembershipVotesForDeath;
            membership.TableRefreshTimeout = options.MembershipTableRefreshTimeout;
        });
        silo.AddRedisGrainStorage(StorageNames.Rooms, storage =>
        {
            storage.ConfigurationOptions = ConfigurationOptions.Parse(redis);
            storage.GetStorageKey = (grainType, grainId) => $"{prefix}:state:{grainId}:{grainType}";
            // Clearing state deletes the key (a deleted room leaves no key behind, P-LIFE-4), as SQLite deletes the row.
            storage.DeleteStateOnClear = true;
        });
        if (options.AdvertisedIp is { } ip)
        {
            silo.ConfigureEndpoints(IPAddress.Parse(ip), options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: true);
        }
        else
        {
            silo.ConfigureEndpoints(options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: true);
        }

        silo.Services.AddStudyRoomsRedisBoardStore(prefix);
        if (KubernetesPod.IsDetected())
        {
            // Pod name as silo name, pod labels checked against the cluster id, and a pod that
            // Kubernetes deleted is declared dead at once instead of after missed probes.
            silo.UseKubernetesHosting();
        }
    }

    /// <summary>One multiplexer per process for boards and health; it reconnects by itself.</summary>
    public static IConnectionMultiplexer ConnectRedis(StudyRoomsOptions options)
    {
        var configuration = ConfigurationOptions.Parse(options.Redis!);
        configuration.AbortOnConnectFail = false;
        return ConnectionMultiplexer.Connect(configuration);
    }
}
