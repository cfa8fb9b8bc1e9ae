using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using StudyRooms.Contracts.Rooms;
using StudyRooms.Contracts.Sessions;

namespace StudyRooms.Testing;

/// <summary>
/// The real server (Program) on a real Kestrel socket at 127.0.0.1 with its own free silo ports
/// and data directory. Disposing stops it; starting another on the same data directory is a restart.
/// </summary>
public sealed class StudyRoomsHost : IAsyncDisposable
{
    /// <summary>JSON as the server speaks it: camelCase, enums as camelCase strings.</summary>
    public static readonly JsonSerializerOptions Json = CreateJson();

    private readonly Factory _factory;

    private StudyRoomsHost(Factory factory, Uri baseAddress, string dataDirectory)
    {
        _factory = factory;
        BaseAddress = baseAddress;
        DataDirectory = dataDirectory;
    }

    public Uri BaseAddress { get; }

    public string DataDirectory { get; }

    public IServiceProvider Services => _factory.Services;

    public static string NewDataDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "studyrooms-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Starts a host; <paramref name="settings"/> override configuration keys.</summary>
    public static Task<StudyRoomsHost> StartAsync(string? dataDirectory = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        dataDirectory ??= NewDataDirectory();
        var all = new Dictionary<string, string?>
        {
            ["StudyRooms:DataDirectory"] = dataDirectory,
            ["StudyRooms:SiloPort"] = FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["StudyRooms:GatewayPort"] = FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var factory = new Factory(all);
        factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return Task.FromResult(new StudyRoomsHost(factory, new Uri(address), dataDirectory));
    }

    public HttpClient CreateHttpClient(TestUser? user = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        if (user is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", user.Token);
        }

        return client;
    }

    public async Task<TestUser> SignInAsync(string displayName)
    {
        using var http = CreateHttpClient();
        var response = await http.PostAsJsonAsync("/api/sessions", new CreateSessionRequest { DisplayName = displayName }, Json);
        response.EnsureSuccessStatusCode();
        var session = (await response.Content.ReadFromJsonAsync<SessionResult>(Json))!;
        return new TestUser(session.UserId, session.DisplayName, session.Token);
    }

    public async Task<RoomSnapshot> CreateRoomAsync(TestUser owner, string name = "Calculus", string topic = "Limits")
    {
        using var http = CreateHttpClient(owner);
        var response = await http.PostAsJsonAsync("/api/rooms", new CreateRoomRequest { Name = name, Topic = topic }, Json);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<RoomSnapshot>(Json))!;
    }

    /// <summary>A SignalR client over a real WebSocket, as the browser uses it.</summary>
    public HubConnection CreateHubConnection(TestUser? user)
    {
        return new HubConnectionBuilder()
            .WithUrl(new Uri(BaseAddress, "/hubs/room"), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                if (user is not null)
                {
                    options.AccessTokenProvider = () => Task.FromResult<string?>(user.Token);
                }
            })
            .AddJsonProtocol(json => json.PayloadSerializerOptions = CreateJson())
            .Build();
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
    }

    private static JsonSerializerOptions CreateJson()
    {
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        json.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        return json;
    }

    private sealed class Factory(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }
}
