using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.SignalR.Client;

namespace StudyRooms.LoadTest;

/// <summary>Picks the target a driver talks to, and its hub protocol.</summary>
public static class Targets
{
    public static ITarget For(LoadOptions options, Uri url, bool relay) =>
        relay ? new RelayTarget(url, options) : new StudyRoomsTarget(url, options);

    /// <summary>The hub protocol the clients speak (<c>--protocol</c>).</summary>
    public static IHubConnectionBuilder WithProtocol(this IHubConnectionBuilder builder, LoadOptions options, Action<System.Text.Json.JsonSerializerOptions> json) =>
        options.IsMessagePack
            ? builder.AddMessagePackProtocol()
            : builder.AddJsonProtocol(o => json(o.PayloadSerializerOptions));
}
