using Microsoft.AspNetCore.SignalR.Client;
using StudyRooms.Contracts.Protocol;
using StudyRooms.Contracts.Rooms;
using StudyRooms.Testing;

namespace StudyRooms.Cluster.Tests;

/// <summary>What a browser does when its server went away: connect to a survivor and join again until it answers.</summary>
public static class Resume
{
    /// <param name="knownClock">The board clock the client already holds, as a browser sends it on reconnect (P-JOIN-4).</param>
    public static async Task<(RoomClient Client, JoinRoomResult Joined)> OnAsync(ClusterNode survivor, TestUser user, string roomId, TimeSpan timeout, long? knownClock = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        Exception? last = null;
        while (DateTime.UtcNow < deadline)
        {
            RoomClient? client = null;
            try
            {
                client = await RoomClient.ConnectAsync(survivor.Client, user);
                using var attempt = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                var joined = await client.Connection.InvokeAsync<JoinRoomResult>(
                    "JoinRoom",
                    new JoinRoomRequest { ProtocolVersion = ProtocolVersion.Current, RoomId = roomId, ClientId = client.ClientId, KnownClock = knownClock },
                    attempt.Token);
                return (client, joined);
            }
            catch (Exception e) when (e is not Xunit.Sdk.XunitException)
            {
                last = e;
                if (client is not null)
                {
                    await client.DisposeAsync();
                }

                await Task.Delay(100);
            }
        }

        throw new TimeoutException($"{user.DisplayName} could not rejoin room {roomId} on server {survivor.Name} within {timeout}", last);
    }
}
