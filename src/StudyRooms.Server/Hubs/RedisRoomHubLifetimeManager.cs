using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;

namespace StudyRooms.Server.Hubs;

/// <summary>
/// The room hub's connections in Redis mode: SignalR's Redis backplane for everything, plus this
/// server's own connections by id, so an event for a room held by this server alone can be serialised
/// once and written to the room's connections here without a trip through Redis (P-OPS-9). The
/// backplane's own send to one local connection serialises the event for each connection again.
/// </summary>
public sealed class RedisRoomHubLifetimeManager(RedisHubLifetimeManager<RoomHub> backplane) : HubLifetimeManager<RoomHub>
{
    private readonly HubConnectionStore _here = new();

    /// <summary>
    /// Writes one invocation with one argument to those of <paramref name="connectionIds"/> that this
    /// server holds, except <paramref name="exceptConnectionId"/>; serialised once per protocol. The
    /// writes start in call order.
    /// </summary>
    public Task SendHereAsync(IEnumerable<string> connectionIds, string exceptConnectionId, string methodName, object argument)
    {
        SerializedHubMessage? message = null;
        List<Task>? pending = null;
        foreach (var connectionId in connectionIds)
        {
            if (connectionId == exceptConnectionId || _here[connectionId] is not { } connection)
            {
                continue;
            }

            message ??= new SerializedHubMessage(new InvocationMessage(methodName, [argument]));
            if (connection.WriteAsync(message) is { IsCompletedSuccessfully: false } write)
            {
                (pending ??= []).Add(write.AsTask());
            }
        }

        return pending is null ? Task.CompletedTask : Task.WhenAll(pending);
    }

    public override async Task OnConnectedAsync(HubConnectionContext connection)
    {
        await backplane.OnConnectedAsync(connection);
        _here.Add(connection);
    }

    public override Task OnDisconnectedAsync(HubConnectionContext connection)
    {
        _here.Remove(connection);
        return backplane.OnDisconnectedAsync(connection);
    }

    public override Task SendAllAsync(string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        backplane.SendAllAsync(methodName, args, cancellationToken);

    public override Task SendAllExceptAsync(string methodName, object?[] args, IReadOnlyList<string> excludedConnectionIds, CancellationToken cancellationToken = default) =>
        backplane.SendAllExceptAsync(methodName, args, excludedConnectionIds, cancellationToken);

    public override Task SendConnectionAsync(string connectionId, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        backplane.SendConnectionAsync(connectionId, methodName, args, cancellationToken);

    public override Task SendConnectionsAsync(IReadOnlyList<string> connectionIds, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        backplane.SendConnectionsAsync(connectionIds, methodName, args, cancellationToken);

    public override Task SendGroupAsync(string groupName, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        backplane.SendGroupAsync(groupName, methodName, args, cancellationToken);

    public override Task SendGroupsAsync(IReadOnlyList<string> groupNames, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        backplane.SendGroupsAsync(groupNames, methodName, args, cancellationToken);

    public override Task SendGroupExceptAsync(string groupName, string methodName, object?[] args, IReadOnlyList<string> excludedConnectionIds, CancellationToken cancellationToken = default) =>
        backplane.SendGroupExceptAsync(groupName, methodName, args, excludedConnectionIds, cancellationToken);

    public override Task SendUserAsync(string userId, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        backplane.SendUserAsync(userId, methodName, args, cancellationToken);

    public override Task SendUsersAsync(IReadOnlyList<string> userIds, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        backplane.SendUsersAsync(userIds, methodName, args, cancellationToken);

    public override Task AddToGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default) =>
        backplane.AddToGroupAsync(connectionId, groupName, cancellationToken);

    public override Task RemoveFromGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default) =>
        backplane.RemoveFromGroupAsync(connectionId, groupName, cancellationToken);

    public override Task<T> InvokeConnectionAsync<T>(string connectionId, string methodName, object?[] args, CancellationToken cancellationToken) =>
        backplane.InvokeConnectionAsync<T>(connectionId, methodName, args, cancellationToken);

    public override Task SetConnectionResultAsync(string connectionId, CompletionMessage result) =>
        backplane.SetConnectionResultAsync(connectionId, result);

    public override bool TryGetReturnType(string invocationId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Type? type) =>
        backplane.TryGetReturnType(invocationId, out type);
}
