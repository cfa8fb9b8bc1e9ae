using Microsoft.Playwright;
using StudyRooms.Testing;

namespace StudyRooms.Browser.Tests;

// Proves edits made while the server is down are kept, shown as "offline, N unsent", and sent
// once the restarted server is back (P-JOIN-4, P-OPS-3): a second person then sees them.
[Collection(BrowserCollection.Name)]
public sealed class WhiteboardOfflineTests(BrowserFixture browser)
{
    [Fact]
    public async Task EditsMadeWhileTheServerRestartsAreKeptAndSent()
    {
        var dataDirectory = StudyRoomsHost.NewDataDirectory();
        await using var proxy = new LoopbackProxy();
        var host = await StudyRoomsHost.StartAsync(dataDirectory);
        try
        {
            proxy.ForwardTo(host.BaseAddress);
            var adaPage = await browser.NewPersonAsync();
            await adaPage.GotoAsync(proxy.Address.ToString());
            await adaPage.GetByTestId("display-name-input").FillAsync("Ada");
            await adaPage.GetByTestId("display-name-submit").ClickAsync();
            await adaPage.GetByTestId("room-name-input").FillAsync("Offline edits");
            await adaPage.GetByTestId("create-room-submit").ClickAsync();
            var ada = new WhiteboardPage(adaPage);
            await ada.WaitLiveAsync();
            var link = (await adaPage.GetByTestId("room-link").TextContentAsync())!.Trim();

            await ada.ToolAsync("rectangle");
            await ada.DragAsync(200, 150, 320, 230);
            await ada.SavedAsync();

            // The server goes away; Ada keeps drawing.
            proxy.ForwardTo(null);
            proxy.DropAll();
            await host.DisposeAsync();
            await Assertions.Expect(adaPage.GetByTestId("connection-status")).Not.ToHaveAttributeAsync("data-state", "live");
            await ada.ToolAsync("ellipse");
            await ada.DragAsync(400, 150, 520, 230);
            await ada.ToolAsync("pen");
            await ada.ScribbleAsync(220, 350, 200);
            await Assertions.Expect(adaPage.GetByTestId("save-status")).ToHaveTextAsync("offline, 2 unsent");
            await adaPage.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("whiteboard-offline-ada") });

            // The server restarts on the same data behind the same address: the edits go out.
            host = await StudyRoomsHost.StartAsync(dataDirectory);
            proxy.ForwardTo(host.BaseAddress);
            await ada.WaitLiveAsync();
            await ada.SavedAsync();
            await Assertions.Expect(adaPage.GetByTestId("board")).ToHaveAttributeAsync("data-element-count", "3");

            var bob = await WhiteboardPage.OpenAsync(browser, link, "Bob");
            await bob.WaitForModelAsync("els.length === 3 && els.some(e => e.type === 'ellipse') && els.some(e => e.type === 'freehand')");
            await bob.Page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("whiteboard-offline-bob") });
            await adaPage.Context.CloseAsync();
            await bob.Page.Context.CloseAsync();
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    [Fact]
    public async Task UnsentEditsSurviveAPageReloadWhileTheHubIsUnreachable()
    {
        await using var proxy = new LoopbackProxy();
        await using var host = await StudyRoomsHost.StartAsync();
        proxy.ForwardTo(host.BaseAddress);
        var page = await browser.NewPersonAsync();
        await page.GotoAsync(proxy.Address.ToString());
        await page.GetByTestId("display-name-input").FillAsync("Ada");
        await page.GetByTestId("display-name-submit").ClickAsync();
        await page.GetByTestId("room-name-input").FillAsync("Reload while offline");
        await page.GetByTestId("create-room-submit").ClickAsync();
        var ada = new WhiteboardPage(page);
        await ada.WaitLiveAsync();

        // The page still loads, but the hub cannot be reached: edits queue up.
        await page.RouteAsync("**/hubs/room/negotiate**", route => route.AbortAsync());
        proxy.DropAll();
        await Assertions.Expect(page.GetByTestId("connection-status")).Not.ToHaveAttributeAsync("data-state", "live");
        await ada.ToolAsync("diamond");
        await ada.DragAsync(300, 200, 420, 300);
        await ada.ToolAsync("sticky");
        await ada.ClickAtAsync(600, 300);
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.GetByTestId("save-status")).ToHaveTextAsync("offline, 2 unsent");

        // A reload keeps them (IndexedDB) and shows them at once…
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("save-status")).ToHaveTextAsync("offline, 2 unsent");
        await ada.WaitForModelAsync("els.some(e => e.type === 'diamond') && els.some(e => e.type === 'sticky')");

        // …and sends them once the hub is reachable again.
        await page.UnrouteAllAsync();
        await ada.WaitLiveAsync();
        await ada.SavedAsync();
        await Assertions.Expect(page.GetByTestId("board")).ToHaveAttributeAsync("data-element-count", "2");
        await page.Context.CloseAsync();
    }
}
