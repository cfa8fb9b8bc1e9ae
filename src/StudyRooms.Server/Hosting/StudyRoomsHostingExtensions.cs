using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;
using StudyRooms.Grains.Broadcasting;
using StudyRooms.Grains.Rooms;
using StudyRooms.Grains.Sprints;
using StudyRooms.Server.Auth;
using StudyRooms.Server.Endpoints;
using StudyRooms.Server.Health;
using StudyRooms.Server.Hubs;
using StudyRooms.Server.Observability;
using StudyRooms.Server.Options;
using StudyRooms.Server.Web;

namespace StudyRooms.Server.Hosting;

/// <summary>Everything StudyRooms adds to a web application, in the order Program.cs reads.</summary>
public static class StudyRoomsHostingExtensions
{
    public const string HubPath = "/hubs/room";
    private const string ReadyTag = "ready";

    /// <summary>Options, logging, the Orleans silo, auth, SignalR, health and rate limits.</summary>
    public static WebApplicationBuilder AddStudyRooms(this WebApplicationBuilder builder)
    {
        var (options, auth, rateLimits) = StudyRoomsConfiguration.ReadAllValidated(builder.Configuration);
        builder.Services.AddOptions<StudyRoomsOptions>().Bind(builder.Configuration.GetSection(StudyRoomsOptions.Section));
        builder.Services.AddOptions<AuthOptions>().Bind(builder.Configuration.GetSection(AuthOptions.Section));
        builder.Services.AddOptions<OriginOptions>().Bind(builder.Configuration.GetSection(OriginOptions.Section));
        builder.AddStudyRoomsBoardOptions();
        builder.AddStudyRoomsResources(options);

        builder.AddStudyRoomsLogging(options);
        builder.AddStudyRoomsObservability();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.UseOrleans(silo => OrleansSetup.Configure(silo, options));
        builder.Services.AddSingleton<OpsAppliedBatcher>();
        builder.Services.AddSingleton<CursorFrames>();
        builder.Services.AddSingleton<IRoomBroadcaster, SignalRRoomBroadcaster>();
        builder.Services.AddOptions<RoomPresenceOptions>().Bind(builder.Configuration.GetSection(StudyRoomsOptions.Section + ":Presence"));
        // Sprints:MinimumPhase lets a demo or a multi-process test run plans of seconds (docs/operations.md).
        builder.Services.AddOptions<SprintOptions>().Bind(builder.Configuration.GetSection(StudyRoomsOptions.Section + ":Sprints"))
            .Validate(o => o.MinimumPhase >= TimeSpan.FromSeconds(1) && o.MinimumPhase <= TimeSpan.FromMinutes(1), "StudyRooms:Sprints:MinimumPhase must be between 00:00:01 and 00:01:00")
            .ValidateOnStart();
        builder.Services.AddSingleton<HostedConnections>();
        builder.Services.AddHostedService<PresenceRefresher>();
        builder.Services.AddHostedService<HeapTrimming>();
        builder.Services.AddHostedService<ShutdownDeadline>();
        builder.Services.AddSingleton<OpenConnections>();
        builder.Services.AddSingleton<LoadShedding>();
        builder.Services.AddSingleton<ConnectionEviction>();
        builder.Services.AddHostedService(services => services.GetRequiredService<ConnectionEviction>());
        builder.Services.AddSingleton<DeletedUserConnections>();
        builder.Services.AddHostedService(services => services.GetRequiredService<DeletedUserConnections>());
        builder.Services.AddSingleton<DeletedUserCheck>();
        builder.Services.AddHostedService(services => services.GetRequiredService<DeletedUserCheck>());

        builder.AddStudyRoomsAuth(options, auth);
        builder.AddStudyRoomsSignalR(options);
        builder.Services.AddStudyRoomsRateLimits(rateLimits);
        builder.Services.AddSingleton(rateLimits);
        builder.Services.ConfigureHttpJsonOptions(json => ConfigureJson(json.SerializerOptions));
        builder.Services.AddProblemDetails();
        builder.Services.AddHealthChecks()
            .AddCheck<SiloHealthCheck>("silo", tags: [ReadyTag])
            .AddCheck<StorageHealthCheck>(StorageHealthCheck.Name, tags: [ReadyTag]);
        return builder;
    }

    /// <summary>Middleware and endpoints: headers, web client, auth, API, hub, health.</summary>
    public static WebApplication MapStudyRooms(this WebApplication app)
    {
        app.UseStudyRoomsSecurityHeaders();
        app.UseStudyRoomsOriginCheck();
        app.UseStudyRoomsWebClient();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseConnectionBoundAtNegotiate();
        app.UseRateLimiter();

        app.MapSessionsApi();
        app.MapAccountsApi();
        app.MapRoomsApi();
        app.MapInvitesApi();
        app.MapDirectoryApi();
        app.MapLobbyApi();
        app.MapMeApi();
        app.MapBoardsApi();
        app.MapStatsApi();
        app.MapResourcesApi();
        var connections = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<StudyRoomsOptions>>().Value;
        app.MapHub<RoomHub>(HubPath, dispatcher =>
        {
            // A client that stops reading is closed after one send waited this long, and the server
            // buffers at most this much for it beyond its socket (docs/operations.md, "Slow readers").
            dispatcher.ApplicationMaxBufferSize = connections.ConnectionOutboundBufferBytes;
            dispatcher.TransportSendTimeout = connections.ConnectionSendTimeout;
        });
        app.MapHealthChecks("/health", new() { Predicate = _ => false });
        app.MapHealthChecks("/ready", new() { Predicate = check => check.Tags.Contains(ReadyTag) });
        app.MapStudyRoomsObservability();
        app.MapStudyRoomsWebClient();
        return app;
    }

    private static void AddStudyRoomsLogging(this WebApplicationBuilder builder, StudyRoomsOptions options)
    {
        builder.Logging.ClearProviders();

        // Logs every refused hub call as an error; StudyRoomsHubFilter logs the unexpected failures.
        builder.Logging.AddFilter("Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher", LogLevel.Critical);
        if (options.LogFormat == "json")
        {
            builder.Logging.AddJsonConsole();
        }
        else
        {
            builder.Logging.AddSimpleConsole(console =>
            {
                console.SingleLine = true;
                console.TimestampFormat = "HH:mm:ss.fff ";
            });
        }
    }

    /// <summary>
    /// AddAuthentication registers ASP.NET Core data protection, whose hosted service reads an XML
    /// key ring at start-up and, on a first start, writes one to the home directory. StudyRooms
    /// protects nothing with it (its tokens are signed with <see cref="SigningKey"/>), so that
    /// service is removed: no key files, 5 MiB less memory at start (docs/benchmarks.md, "Memory
    /// after the join burst"). Were something to use data protection, the key ring would load on first use.
    /// </summary>
    internal static void SkipDataProtectionKeyRing(this IServiceCollection services)
    {
        var keyRingLoader = services.FirstOrDefault(service => service.ServiceType == typeof(IHostedService)
            && service.ImplementationType?.FullName == DataProtectionKeyRingLoader);
        if (keyRingLoader is not null)
        {
            services.Remove(keyRingLoader);
        }
    }

    internal const string DataProtectionKeyRingLoader = "Microsoft.AspNetCore.DataProtection.Internal.DataProtectionHostedService";

    private static void AddStudyRoomsAuth(this WebApplicationBuilder builder, StudyRoomsOptions options, AuthOptions auth)
    {
        var signingKey = SigningKey.Resolve(auth, options);
        builder.Services.AddSingleton(signingKey);
        builder.Services.AddSingleton<TokenService>();
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.SkipDataProtectionKeyRing();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<TokenService>((jwt, tokens) =>
            {
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters = tokens.ValidationParameters();
                jwt.Events = new JwtBearerEvents
                {
                    // Browsers cannot set headers on WebSockets; the SignalR client sends the token in the query.
                    OnMessageReceived = context =>
                    {
                        if (context.Request.Path.StartsWithSegments(HubPath)
                            && context.Request.Query["access_token"] is { Count: 1 } token)
                        {
                            context.Token = token;
                        }

                        return Task.CompletedTask;
                    },

                    // A deleted user's tokens stay signed and unexpired; the server refuses them (P-ACCT-4),
                    // asking the deleted-user grain through this server's cache of its answers. A token
                    // that passes leaves only the claims the server reads (TokenService.Retained).
                    OnTokenValidated = async context =>
                    {
                        if (context.Principal?.FindFirst(StudyRoomsUser.UserIdClaim)?.Value is { Length: > 0 } userId
                            && await context.HttpContext.RequestServices.GetRequiredService<DeletedUserCheck>().IsDeletedAsync(userId))
                        {
                            context.Fail("the user was deleted");
                            return;
                        }

                        if (context.Principal is { } validated)
                        {
                            context.Principal = tokens.Retained(validated);
                        }
                    },
                };
            });
        builder.Services.AddAuthorization();
    }

    private static void AddStudyRoomsSignalR(this WebApplicationBuilder builder, StudyRoomsOptions options)
    {
        var signalR = builder.Services
            .AddSignalR(hub =>
            {
                hub.MaximumReceiveMessageSize = CodedJsonHubProtocol.MaxMessageSize;
                hub.AddFilter<StudyRoomsHubFilter>();
                hub.AddFilter<OpenConnections>();
                hub.AddFilter<LoadShedding>();
            })
            .AddJsonProtocol(json => ConfigureJson(json.PayloadSerializerOptions));

        // The same JSON protocol, answering unparseable calls with coded refusals (P-ERR-4).
        foreach (var plain in builder.Services.Where(d => d.ServiceType == typeof(IHubProtocol) && d.ImplementationType == typeof(JsonHubProtocol)).ToArray())
        {
            builder.Services.Remove(plain);
        }

        builder.Services.AddSingleton<IHubProtocol, CodedJsonHubProtocol>();
        if (options.MessagePackProtocol)
        {
            signalR.AddMessagePackProtocol();
        }

        if (options.IsRedisMode)
        {
            builder.Services.AddSingleton(_ => OrleansSetup.ConnectRedis(options));
            signalR.AddStackExchangeRedis(options.Redis!, redis =>
                redis.Configuration.ChannelPrefix = RedisChannel.Literal(options.KeyPrefix));
            // The room hub's backplane, with a way past it to this server's own connections (P-OPS-9).
            builder.Services.AddSingleton<RedisHubLifetimeManager<RoomHub>>();
            builder.Services.AddSingleton<HubLifetimeManager<RoomHub>, RedisRoomHubLifetimeManager>();
        }
    }

    private static void ConfigureJson(JsonSerializerOptions json)
    {
        json.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        json.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        json.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
    }
}
