using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using StudyRooms.Contracts.Accounts;
using StudyRooms.Server.Auth;
using StudyRooms.Testing;

namespace StudyRooms.Server.Tests;

// Proves that the check for deleted users (P-ACCT-4) asks the deleted-user grain once per user and
// lifetime, not on every request: the server's studyrooms.auth.deleted_user_checks counter shows
// where each answer came from; a cached answer expires after DeletedUserCheck.Lifetime on the host's
// FakeTimeProvider, and a deletion through this server refuses the cached token at once.
public sealed class DeletedUserCheckTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private StudyRoomsHost _host = null!;
    private DeletedUserCheckCounts _checks = null!;

    public async Task InitializeAsync()
    {
        _host = await StudyRoomsHost.StartAsync(dataDirectory: null, settings: null, services: services => services.AddSingleton<TimeProvider>(_clock));
        _checks = new DeletedUserCheckCounts(_host.Services);
    }

    public async Task DisposeAsync()
    {
        _checks.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task RepeatedRequestsAskTheGrainOnceThenTheCacheUntilTheAnswerExpires_P_ACCT_4()
    {
        var ada = await _host.SignInAsync("Ada");
        using var http = _host.CreateHttpClient(ada);
        var before = _checks.Snapshot();

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/me/rooms")).StatusCode);
        }

        Assert.Equal((1, 4), _checks.Since(before));

        _clock.Advance(DeletedUserCheck.Lifetime + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/me/rooms")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/me/rooms")).StatusCode);

        Assert.Equal((2, 5), _checks.Since(before));
    }

    [Fact]
    public async Task ADeletionRefusesACachedTokenAtOnceAndTheDeletedUserIsNotAskedForAgain_P_ACCT_4()
    {
        var zed = await _host.SignInAsync("Zed");
        using var http = _host.CreateHttpClient(zed);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/me/rooms")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/me/rooms")).StatusCode);
        var cached = _checks.Snapshot();

        var delete = await http.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/me") { Content = JsonContent.Create(new DeleteMeRequest { DisplayName = "Zed" }, options: ServerClient.Json) });
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);

        // The DELETE itself was let in by the cache; the next request asks the grain and is refused.
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/me/rooms")).StatusCode);
        var refused = _checks.Snapshot();
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/me/rooms")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/me/rooms")).StatusCode);

        Assert.Equal((1, 1), _checks.Since(cached));
        Assert.Equal((0, 0), _checks.Since(refused));
        Assert.Equal(2, _checks.KnownDeleted - refused.KnownDeleted);
    }
}
