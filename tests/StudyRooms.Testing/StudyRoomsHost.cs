using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace StudyRooms.Testing;

/// <summary>
/// The real server (Program) on a real Kestrel socket at 127.0.0.1 with its own free silo ports
/// and data directory. Disposing stops it; starting another on the same data directory is a restart.
/// </summary>
public sealed class StudyRoomsHost : ServerClient, IAsyncDisposable
{
    private readonly Factory _factory;

    private StudyRoomsHost(Factory factory, Uri baseAddress, string dataDirectory)
        : base(baseAddress)
    {
        _factory = factory;
        DataDirectory = dataDirectory;
    }

    public string DataDirectory { get; }

    public IServiceProvider Services => _factory.Services;

    public static string NewDataDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "studyrooms-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Starts a host; <paramref name="settings"/> override configuration keys.</summary>
    public static Task<StudyRoomsHost> StartAsync(string? dataDirectory = null, IReadOnlyDictionary<string, string?>? settings = null) =>
        StartAsync(dataDirectory, settings, services: null);

    /// <summary>Starts a host whose services <paramref name="services"/> may replace (e.g. the clock).</summary>
    public static Task<StudyRoomsHost> StartAsync(string? dataDirectory, IReadOnlyDictionary<string, string?>? settings, Action<IServiceCollection>? services)
    {
        dataDirectory ??= NewDataDirectory();
        var all = new Dictionary<string, string?>
        {
            ["StudyRooms:DataDirectory"] = dataDirectory,
            ["StudyRooms:SiloPort"] = FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["StudyRooms:GatewayPort"] = FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Logging:LogLevel:Default"] = "Warning",
            // Many hosts share one test process, whose heap is one: each host's trimmer would pause the
            // whole process on its own. HeapTrimmingTests test the trimming; server processes keep the default.
            ["StudyRooms:TrimHeapWhenQuiet"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var factory = new Factory(all, services);
        factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return Task.FromResult(new StudyRoomsHost(factory, new Uri(address), dataDirectory));
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
    }

    private sealed class Factory(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            // Stopping drains the open connections before the silo stops, on the same deadline. On a
            // loaded CI machine the default 30 s ran out while browser pages were still connected, and
            // the silo's stop was cancelled: a passed test failed in its teardown. A real hang still fails.
            builder.ConfigureServices(collection => collection.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(90)));

            if (services is not null)
            {
                builder.ConfigureTestServices(services);
            }
        }
    }
}
