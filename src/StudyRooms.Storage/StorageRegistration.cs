using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime.Hosting;
using Orleans.Storage;
using StackExchange.Redis;
using StudyRooms.Grains.Storage;
using StudyRooms.Storage.Files;
using StudyRooms.Storage.Redis;
using StudyRooms.Storage.Sqlite;

namespace StudyRooms.Storage;

/// <summary>Registers one of the two storage back ends the deployment mode chooses.</summary>
public static class StorageRegistration
{
    /// <summary>Embedded mode: grain state and boards in one SQLite file under the data directory.</summary>
    public static IServiceCollection AddStudyRoomsSqliteStorage(this IServiceCollection services, string dataDirectory)
    {
        // A factory registration, so the container disposes it (its writer finishes the queued writes).
        services.AddSingleton(_ => new SqliteDatabase(dataDirectory));
        services.AddSingleton<IBoardStore, SqliteBoardStore>();
        services.AddSingleton<IChatStore, SqliteChatStore>();
        services.AddSingleton<IPresenceStore>(NoPresenceStore.Instance);
        services.AddGrainStorage(StorageNames.Rooms, static (sp, _) =>
            new SqliteGrainStorage(sp.GetRequiredService<SqliteDatabase>(), sp.GetRequiredService<IGrainStorageSerializer>()));
        return services;
    }

    /// <summary>
    /// Uploaded files in a folder on disk, in both modes (P-RES-6); Redis never holds file contents.
    /// Without a folder (Redis mode where the operator set none) no file is ever stored.
    /// </summary>
    public static IServiceCollection AddStudyRoomsResourceFiles(this IServiceCollection services, string? filesDirectory)
    {
        services.AddSingleton<IResourceFileStore>(filesDirectory is null ? new NoResourceFileStore() : new DiskResourceFileStore(filesDirectory));
        return services;
    }

    /// <summary>Embedded mode: Orleans reminders in the same SQLite file, so they survive a restart.</summary>
    public static ISiloBuilder UseStudyRoomsSqliteReminders(this ISiloBuilder silo)
    {
        silo.AddReminders();
        silo.Services.AddSingleton<IReminderTable, SqliteReminderTable>();
        return silo;
    }

    /// <summary>Cluster mode: boards, chats and presence heartbeats in Redis next to the Orleans Redis providers.</summary>
    public static IServiceCollection AddStudyRoomsRedisBoardStore(this IServiceCollection services, string keyPrefix)
    {
        services.AddSingleton<IBoardStore>(sp => new RedisBoardStore(sp.GetRequiredService<IConnectionMultiplexer>(), keyPrefix));
        services.AddSingleton<IChatStore>(sp => new RedisChatStore(sp.GetRequiredService<IConnectionMultiplexer>(), keyPrefix));
        services.AddSingleton<IPresenceStore>(sp => new RedisPresenceStore(sp.GetRequiredService<IConnectionMultiplexer>(), keyPrefix));
        return services;
    }
}
