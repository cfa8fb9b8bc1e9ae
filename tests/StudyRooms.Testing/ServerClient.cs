using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using StudyRooms.Contracts.Rooms;
using StudyRooms.Contracts.Sessions;

namespace StudyRooms.Testing;

/// <summary>What a client of a running server does: HTTP calls with a session, and hub connections.</summary>
public class ServerClient(Uri baseAddress)
{
    /// <summary>JSON as the server speaks it: camelCase, enums as camelCase strings.</summary>
    public static readonly JsonSerializerOptions Json = CreateJson();

    public Uri BaseAddress { get; } = baseAddress;

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

    private static JsonSerializerOptions CreateJson()
    {
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        json.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        return json;
    }

}
