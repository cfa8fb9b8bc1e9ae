using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace StudyRooms.LoadTest;

/// <summary>
/// A bare ASP.NET Core SignalR relay: join a group, fan each push out to the others, acknowledge.
/// No ordering, no validation, no storage: what any SignalR server costs at least.
/// </summary>
public static class RelayServer
{
    public static async Task RunAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        builder.Services.AddSignalR().AddJsonProtocol(o => ConfigureJson(o.PayloadSerializerOptions)).AddMessagePackProtocol();
        var app = builder.Build();
        app.MapHub<RelayHub>("/relay");
        Console.WriteLine($"relay listening on http://127.0.0.1:{port}/relay");
        await app.RunAsync();
    }

    public static void ConfigureJson(JsonSerializerOptions json)
    {
        json.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        json.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        json.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
    }

    /// <summary>The relay hub.</summary>
    public sealed class RelayHub : Hub
    {
        public Task Join(string room) => Groups.AddToGroupAsync(Context.ConnectionId, room);

        public async Task<int> Push(RelayPush push)
        {
            await Clients.OthersInGroup(push.Room).SendAsync("Relayed", push);
            return 1;
        }

        public Task Cursor(RelayCursor cursor) => Clients.OthersInGroup(cursor.Room).SendAsync("Cursor", cursor);
    }
}
