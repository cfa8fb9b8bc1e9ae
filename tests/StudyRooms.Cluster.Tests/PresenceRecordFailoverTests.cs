using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using StackExchange.Redis;
using StudyRooms.Testing;
using Xunit.Abstractions;

namespace StudyRooms.Cluster.Tests;

// Proves the presence heartbeat record across servers (P-PRES-2): when the server holding both the
// room's grain and one user's connection is SIGKILLed, the room comes back on the survivor with the
// survivor's user still seated (no rejoin needed to chat), while the dead server's user leaves every
// list and their key expires from Redis within 10 s.
public sealed class PresenceRecordFailoverTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task TheRoomOfAKilledServerKeepsTheSurvivorsUsersAndDropsTheDeadServersUsers_P_PRES_2()
    {
        // The room's grain lives on A: the one we kill.
        await using var servers = await TwoServerRoom.OpenAsync(appendOnly: false);
        var (a, ada, roomId, adaOnA, bob, bobOnB) = (servers.A, servers.Ada, servers.RoomId, servers.AdaOnA, servers.Bob, servers.BobOnB);

        await using var redis = await ConnectionMultiplexer.ConnectAsync(servers.Cluster.RedisConnectionString);
        var db = redis.GetDatabase();
        var adaKey = $"{servers.Cluster.Prefix}:presence:{roomId}:{adaOnA.Connection.ConnectionId}";
        var bobKey = $"{servers.Cluster.Prefix}:presence:{roomId}:{bobOnB.Connection.ConnectionId}";
        Assert.NotEqual(ServerOf(await db.StringGetAsync(adaKey)), ServerOf(await db.StringGetAsync(bobKey)));

        await a.CrashAsync();
        var sinceKill = Stopwatch.StartNew();
        await adaOnA.DisposeAsync();

        await Poll.UntilAsync(() => bobOnB.ParticipantLeft.Any(e => e.UserId == ada.UserId), "Bob sees Ada leave", Within + TimeSpan.FromSeconds(10));
        var left = sinceKill.Elapsed;
        await Poll.UntilAsync(async () => !await db.KeyExistsAsync(adaKey), "Ada's presence key expires", Within);
        var expired = sinceKill.Elapsed;
        output.WriteLine($"SIGKILL → Bob saw Ada leave after {left.TotalSeconds:0.0} s; her key was gone after {expired.TotalSeconds:0.0} s");
        Assert.True(left < Within, $"Ada stayed {left.TotalSeconds:0.0} s after her server died");
        Assert.True(expired < Within, $"Ada's key lived {expired.TotalSeconds:0.0} s after her server died");

        // Bob never rejoined: the room's new activation on B seated him from his live key.
        Assert.True(await db.KeyExistsAsync(bobKey));
        Exception? lastRefusal = null;
        try
        {
            await Poll.UntilAsync(
                async () =>
                {
                    try
                    {
                        await bobOnB.PostAsync(roomId, "still here");
                        return true;
                    }
                    catch (HubException refusal)
                    {
                        lastRefusal = refusal;
                        return false;
                    }
                },
                "Bob posts in the room without joining again");
        }
        catch (TimeoutException)
        {
            Assert.Fail($"Bob could not post without joining again; the last refusal: {lastRefusal?.Message}");
        }
        Assert.DoesNotContain(bobOnB.ParticipantLeft, e => e.UserId == bob.UserId);
    }

    private static string? ServerOf(RedisValue record)
    {
        using var json = JsonDocument.Parse(record.ToString());
        return json.RootElement.GetProperty("server").GetString();
    }
}
