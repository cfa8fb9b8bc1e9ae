using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using StudyRooms.Server.Hubs;
using StudyRooms.Testing;

namespace StudyRooms.Browser.Tests;

// Proves the web client's answer to the per-user connection bound (P-CONN-1) in a real browser: a
// tab past the bound shows the "too many tabs" banner and stays offline without asking again, even
// when its clock runs on for two minutes, while the tab that holds the connection stays live; after
// that tab closes, the banner's Reload button brings the second tab in.
[Collection(BrowserCollection.Name)]
public sealed class TooManyConnectionsTests(BrowserFixture browser)
{
    [Fact]
    public async Task ATabPastTheConnectionBoundShowsTheBannerAndDoesNotReconnect_P_CONN_1()
    {
        await using var host = await StudyRoomsHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["StudyRooms:MaxConnectionsPerUser"] = "1",
        });
        var first = await WhiteboardPage.CreateRoomAsync(browser, host.BaseAddress, "Bounded", "Tabby");
        var roomUrl = first.Page.Url;

        // A second tab of the same browser: the same signed-in user, one connection over the bound.
        var second = await first.Page.Context.NewPageAsync();
        second.SetDefaultTimeout(15_000);
        var negotiations = 0;
        second.Request += (_, request) =>
        {
            if (request.Url.Contains("/hubs/room/negotiate", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref negotiations);
            }
        };
        await second.Clock.InstallAsync();
        await second.GotoAsync(roomUrl);

        var banner = second.GetByTestId("error-banner");
        await Assertions.Expect(banner).ToContainTextAsync("too many StudyRooms tabs");
        await Assertions.Expect(second.GetByTestId("connection-status")).ToHaveAttributeAsync("data-state", "offline");
        await Assertions.Expect(second.GetByTestId("room-title")).ToHaveTextAsync("Not in the room");
        Assert.Equal(1, Volatile.Read(ref negotiations));

        // Two minutes of the page's timers (reconnect back-off tops out at 15 s): no second try.
        await second.Clock.RunForAsync(120_000);
        await Assertions.Expect(second.GetByTestId("connection-status")).ToHaveAttributeAsync("data-state", "offline");
        Assert.Equal(1, Volatile.Read(ref negotiations));
        await Assertions.Expect(first.Page.GetByTestId("connection-status")).ToHaveAttributeAsync("data-state", "live");
        await second.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("too-many-connections") });

        // Closing the first tab frees the place; the banner's button reloads into the room.
        var userId = await second.EvaluateAsync<string>("() => JSON.parse(localStorage.getItem('studyrooms.session.v1')).userId");
        var open = host.Services.GetRequiredService<OpenConnections>();
        Assert.Equal(1, open.CountOf(userId));
        await first.Page.CloseAsync();
        await Poll.UntilAsync(() => open.CountOf(userId) == 0, "the server saw the first tab's connection close");
        await banner.GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(second.GetByTestId("connection-status")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 30_000 });
        await Assertions.Expect(second.GetByTestId("error-banner")).ToHaveCountAsync(0);
    }
}
