using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using StudyRooms.Contracts.Accounts;
using StudyRooms.Contracts.Stats;
using StudyRooms.Grains.Accounts;
using StudyRooms.Grains.Erasure;
using StudyRooms.Testing;

namespace StudyRooms.Server.Tests;

// Proves that a user's erasure that fails part way (P-ACCT-4) leaves the user deleted (tokens refused
// at once) and is finished by the deleted-user grain's retry: a step that fails once, the retry runs
// the whole list again (the steps already done erase as no-ops) and the stats go too.
public sealed class UserErasureRetryTests
{
    [Fact]
    public async Task AnErasureThatFailsPartWayIsFinishedByTheRetry_P_ACCT_4()
    {
        var failures = 0;
        var steps = UserErasure.DefaultSteps.Take(1)
            .Append(new ErasureStep<DeleteUserCommand>("fails once", (_, _) => Interlocked.Increment(ref failures) == 1 ? throw new IOException("storage away") : Task.CompletedTask))
            .Concat(UserErasure.DefaultSteps.Skip(1))
            .ToArray();
        await using var host = await StudyRoomsHost.StartAsync(null, null, services => services.AddSingleton(new UserErasure(steps)));
        var zed = await host.SignInAsync("Zed");
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        var stats = grains.GetGrain<IUserStatsGrain>(zed.UserId);
        var now = DateTimeOffset.UtcNow;
        await stats.RecordFocusAsync(new FocusCredit { UserId = zed.UserId, DisplayName = "Zed", RoomId = "r1", SprintId = "s1", BlockStartedAt = now.AddMinutes(-25), BlockEndedAt = now, Credited = TimeSpan.FromMinutes(25) });
        Assert.Equal(1, (await stats.GetStatsAsync("UTC")).FocusBlocks);

        using var http = host.CreateHttpClient(zed);
        var delete = await http.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/me") { Content = JsonContent.Create(new DeleteMeRequest { DisplayName = "Zed" }, options: ServerClient.Json) });
        Assert.Equal(HttpStatusCode.InternalServerError, delete.StatusCode);

        // Deleted already: the token is refused; the stats are not erased yet.
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/me/rooms")).StatusCode);
        Assert.Equal(1, (await stats.GetStatsAsync("UTC")).FocusBlocks);

        await Poll.UntilAsync(async () => (await stats.GetStatsAsync("UTC")).FocusBlocks == 0, "the retry erases the stats", TimeSpan.FromSeconds(60));
        Assert.Equal(2, failures);
        Assert.True(await grains.GetGrain<IDeletedUserGrain>(DeletedUsers.Key(zed.UserId)).IsDeletedAsync());
    }
}
