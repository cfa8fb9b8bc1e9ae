using System.Net;
using Microsoft.Extensions.DependencyInjection;
using StudyRooms.Server.Auth;
using StudyRooms.Testing;

namespace StudyRooms.Server.Tests;

// Proves the missed-notice side of the deleted-user cache (P-ACCT-4, docs/security.md "Deleting a
// user"): while this server's Redis connection is down it could miss a deletion notice, so it keeps
// no "not deleted" answer and asks the grain every time; once the connection is back it caches again.
public sealed class DeletedUserCheckRedisTests : IAsyncLifetime
{
    private RestartableRedis _redis = null!;
    private StudyRoomsHost _host = null!;
    private DeletedUserCheckCounts _checks = null!;

    public async Task InitializeAsync()
    {
        _redis = await RestartableRedis.StartAsync();
        var prefix = "udc" + Guid.NewGuid().ToString("N")[..8];
        _host = await StudyRoomsHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["StudyRooms:Redis"] = _redis.ConnectionString,
            ["StudyRooms:KeyPrefix"] = prefix,
            ["StudyRooms:ClusterId"] = prefix,
            ["StudyRooms:AdvertisedIp"] = "127.0.0.1",
            ["StudyRooms:Auth:SigningKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
        });
        using var http = _host.CreateHttpClient();
        await Poll.UntilAsync(async () => (await http.GetAsync("/ready")).StatusCode == HttpStatusCode.OK, "/ready answers 200 in Redis mode");
        _checks = new DeletedUserCheckCounts(_host.Services);
    }

    public async Task DisposeAsync()
    {
        _checks.Dispose();
        await _host.DisposeAsync();
        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task WhileRedisIsUnreachableEveryCheckAsksTheGrainAndCachingResumesOnceItIsBack_P_ACCT_4()
    {
        var ada = await _host.SignInAsync("Ada");
        var check = _host.Services.GetRequiredService<DeletedUserCheck>();
        Assert.False(await check.IsDeletedAsync(ada.UserId));
        var cached = _checks.Snapshot();
        Assert.False(await check.IsDeletedAsync(ada.UserId));
        Assert.Equal((0, 1), _checks.Since(cached));

        await _redis.StopAsync();
        await Poll.UntilAsync(
            async () =>
            {
                var before = _checks.Snapshot();
                Assert.False(await check.IsDeletedAsync(ada.UserId));
                return _checks.Since(before) == (1, 0);
            },
            "with Redis gone, the check asks the grain instead of its cache");
        var down = _checks.Snapshot();
        Assert.False(await check.IsDeletedAsync(ada.UserId));
        Assert.False(await check.IsDeletedAsync(ada.UserId));
        Assert.Equal((2, 0), _checks.Since(down));

        await _redis.StartAgainAsync();
        await Poll.UntilAsync(
            async () =>
            {
                Assert.False(await check.IsDeletedAsync(ada.UserId));
                var before = _checks.Snapshot();
                Assert.False(await check.IsDeletedAsync(ada.UserId));
                return _checks.Since(before) == (0, 1);
            },
            "with Redis back, the answer is cached again",
            TimeSpan.FromSeconds(30));
    }
}
