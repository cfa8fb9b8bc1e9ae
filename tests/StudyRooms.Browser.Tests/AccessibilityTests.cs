using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using StudyRooms.Testing;
using Xunit.Abstractions;

namespace StudyRooms.Browser.Tests;

// Proves issue 7's accessibility bar on every screen in both themes: axe-core finds no serious or
// critical violation, and no missing main landmark, on the name prompt, the lobby and its account
// deletion dialog, the room with each side-panel tab open and collapsed, the help, stats and history
// dialogs, and at 360 px the board with each panel as a bottom sheet (which Escape closes, giving
// focus back to its button).
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task EveryScreenPassesAxeInThisTheme(ColorScheme scheme)
    {
        var theme = scheme == ColorScheme.Dark ? "dark" : "light";
        await using var host = await StudyRoomsHost.StartAsync();
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            ColorScheme = scheme,
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        Assert.True(await page.EvaluateAsync<bool>($"() => matchMedia('(prefers-color-scheme: {theme})').matches"), $"the page does not see the {theme} theme");

        await page.GotoAsync(host.BaseAddress.ToString());
        await Assertions.Expect(page.GetByTestId("display-name-input")).ToBeVisibleAsync();
        await CheckAsync(page, $"{theme}-name-prompt");

        await page.GetByTestId("display-name-input").FillAsync("Ada");
        await page.GetByTestId("display-name-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("my-rooms-status")).ToHaveAttributeAsync("data-state", "ready");
        await CheckAsync(page, $"{theme}-lobby");

        await page.GetByTestId("account-delete").ClickAsync();
        await Assertions.Expect(page.GetByTestId("account-delete-dialog")).ToBeVisibleAsync();
        await CheckAsync(page, $"{theme}-account-delete-dialog");
        await page.GetByTestId("account-delete-cancel").ClickAsync();
        await Assertions.Expect(page.GetByTestId("account-delete-dialog")).ToBeHiddenAsync();

        await page.GetByTestId("room-name-input").FillAsync("Organic chemistry");
        await page.GetByTestId("create-room-submit").ClickAsync();
        var room = new WhiteboardPage(page);
        await room.WaitLiveAsync();
        await room.ScribbleAsync(200, 200, 160);
        foreach (var tab in new[] { "chat", "people", "resources" })
        {
            await page.OpenPanelAsync(tab);
            await CheckAsync(page, $"{theme}-room-{tab}");
        }

        await page.GetByTestId("panel-collapse").ClickAsync();
        await Assertions.Expect(page.GetByTestId("side-panel")).ToHaveAttributeAsync("data-collapsed", "true");
        await CheckAsync(page, $"{theme}-room-collapsed");
        await page.GetByTestId("panel-collapse").ClickAsync();

        await page.GetByTestId("help-button").ClickAsync();
        await Assertions.Expect(page.GetByTestId("help-panel")).ToBeVisibleAsync();
        await CheckAsync(page, $"{theme}-help-dialog");
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.GetByTestId("help-panel")).ToBeHiddenAsync();

        await page.GetByTestId("stats-button").ClickAsync();
        await Assertions.Expect(page.GetByTestId("stats-status")).ToHaveAttributeAsync("data-state", "ready");
        await CheckAsync(page, $"{theme}-stats-dialog");
        await page.GetByTestId("stats-close").ClickAsync();

        await page.GetByTestId("history-button").ClickAsync();
        await Assertions.Expect(page.GetByTestId("history-panel")).ToBeVisibleAsync();
        await CheckAsync(page, $"{theme}-history-dialog");
        await page.GetByTestId("history-close").ClickAsync();

        // A phone: the board fills the screen; each panel is a sheet over it.
        await page.SetViewportSizeAsync(360, 740);
        await Assertions.Expect(page.GetByTestId("side-panel")).ToHaveAttributeAsync("data-mode", "sheet");
        await Assertions.Expect(page.GetByTestId("side-panel")).ToBeHiddenAsync();
        await CheckAsync(page, $"{theme}-phone-board");
        foreach (var tab in new[] { "people", "chat", "resources" })
        {
            var opener = page.GetByTestId("sheet-open-" + tab);
            await opener.ClickAsync();
            await Assertions.Expect(page.GetByTestId("panel-" + tab)).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("panel-tab-" + tab)).ToBeFocusedAsync();
            await Assertions.Expect(opener).ToHaveAttributeAsync("aria-expanded", "true");
            await CheckAsync(page, $"{theme}-phone-sheet-{tab}");
            await page.Keyboard.PressAsync("Escape");
            await Assertions.Expect(page.GetByTestId("side-panel")).ToBeHiddenAsync();
            await Assertions.Expect(opener).ToBeFocusedAsync();
        }

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the room at 360 px scrolls sideways by {overflow} px");
        await context.CloseAsync();
    }

    private async Task CheckAsync(IPage page, string screen)
    {
        // A sheet or toast still sliding in is half transparent: scan and shoot the settled screen.
        await page.WaitForFunctionAsync("() => document.getAnimations().every(a => a.playState !== 'running')");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("a11y-" + screen) });
        var result = await page.RunAxe();
        foreach (var violation in result.Violations)
        {
            output.WriteLine($"{screen}: {violation.Impact} {violation.Id}: {violation.Help} at {string.Join(", ", violation.Nodes.Select(n => n.Target?.ToString()))}");
        }

        var failing = result.Violations.Where(v => v.Impact is "serious" or "critical" || v.Id == "landmark-one-main").ToArray();
        Assert.True(failing.Length == 0, $"{screen}: " + string.Join("; ", failing.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Html))}")));
        Assert.True(result.Passes.Length > 10, $"{screen}: axe ran {result.Passes.Length} passing rules; the scan did not run on the page");
    }
}
