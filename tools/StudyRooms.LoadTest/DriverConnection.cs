using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace StudyRooms.LoadTest;

/// <summary>
/// A driven client's hub connection: the SignalR client's <see cref="HubConnection"/> (the default,
/// what a .NET client of the server would use), or <see cref="LeanHubConnection"/> with
/// <c>--client lean</c>. Both speak the same protocol to the server.
/// </summary>
public interface IDriverConnection : IAsyncDisposable
{
    /// <summary>Handles an event the server sends; registered before <see cref="StartAsync"/>.</summary>
    void On<T>(string method, Action<T> handler);

    Task StartAsync(CancellationToken cancellationToken);

    /// <summary>Calls a hub method with one argument and answers its result; a refusal throws the server's <c>HubException</c>.</summary>
    Task<T> InvokeAsync<T>(string method, object? argument, CancellationToken cancellationToken = default);

    /// <summary>Calls a hub method with one argument, not waiting for any answer.</summary>
    Task SendAsync(string method, object? argument);
}

/// <summary>Opens a driven client's connection to a hub, as <c>--client</c> and <c>--protocol</c> say.</summary>
public static class DriverConnection
{
    public static IDriverConnection Open(LoadOptions options, Uri hubUrl, string? accessToken, Action<System.Text.Json.JsonSerializerOptions> json)
    {
        if (options.IsLeanClient)
        {
            return new LeanHubConnection(hubUrl, accessToken);
        }

        return new SignalRConnection(BuildSignalR(options, hubUrl, accessToken, json));
    }

    /// <summary>A SignalR client's hub connection as the tool opens it (WebSockets only, the chosen protocol), not yet started.</summary>
    public static HubConnection BuildSignalR(LoadOptions options, Uri hubUrl, string? accessToken, Action<System.Text.Json.JsonSerializerOptions> json) =>
        new HubConnectionBuilder()
            .WithUrl(hubUrl, o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                if (accessToken is not null)
                {
                    o.AccessTokenProvider = () => Task.FromResult<string?>(accessToken);
                }
            })
            .WithProtocol(options, json)
            .Build();

    private sealed class SignalRConnection(HubConnection connection) : IDriverConnection
    {
        public void On<T>(string method, Action<T> handler) => connection.On(method, handler);

        public Task StartAsync(CancellationToken cancellationToken) => connection.StartAsync(cancellationToken);

        public Task<T> InvokeAsync<T>(string method, object? argument, CancellationToken cancellationToken = default) =>
            connection.InvokeAsync<T>(method, argument, cancellationToken);

        public Task SendAsync(string method, object? argument) => connection.SendAsync(method, argument);

        public ValueTask DisposeAsync() => connection.DisposeAsync();
    }
}
