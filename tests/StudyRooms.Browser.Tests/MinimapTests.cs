using Microsoft.Playwright;
using StudyRooms.Testing;

namespace StudyRooms.Browser.Tests;

// Proves the minimap in Chromium: it shows the viewport rectangle over the content, and a click on
// it pans the board so the clicked point comes to the middle of the view (zoom unchanged).
[Collection(BrowserCollection.Name)]
public sealed class MinimapTests(BrowserFixture browser)
{
    [Fact]
    public async Task ClickingTheMinimapPansTheBoardThere()
    {
        await using var host = await StudyRoomsHost.StartAsync();
        var page = await browser.NewPersonAsync();
        await page.GotoAsync(host.BaseAddress.ToString());
        await page.GetByTestId("display-name-input").FillAsync("Ada");
        await page.GetByTestId("display-name-submit").ClickAsync();
        await page.GetByTestId("room-name-input").FillAsync("Minimap");
        await page.GetByTestId("create-room-submit").ClickAsync();
        var ada = new WhiteboardPage(page);
        await ada.WaitLiveAsync();

        await ada.ToolAsync("rectangle");
        await ada.DragAsync(100, 100, 200, 180);
        await ada.ToolAsync("ellipse");
        await ada.DragAsync(700, 450, 800, 520);
        var minimap = page.GetByTestId("minimap");
        await Assertions.Expect(minimap).ToHaveAttributeAsync("data-viewport", new System.Text.RegularExpressions.Regex(@"^[\d.]+,[\d.]+,[\d.]+,[\d.]+$"));
        var before = await page.EvaluateAsync<double[]>("() => { const v = window.__studyrooms.view(); return [v.scale, v.offsetX, v.offsetY]; }");

        // Click the minimap's top left corner: the view moves up and left, at the same zoom.
        var box = (await minimap.BoundingBoxAsync())!;
        await page.Mouse.ClickAsync(box.X + 8, box.Y + 8);
        await page.WaitForFunctionAsync($"() => window.__studyrooms.view().offsetX < {before[1]} - 50");
        var after = await page.EvaluateAsync<double[]>("() => { const v = window.__studyrooms.view(); return [v.scale, v.offsetX, v.offsetY]; }");
        Assert.Equal(before[0], after[0]);
        Assert.True(after[2] < before[2], $"the view moved up: {before[2]} → {after[2]}");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("minimap-ada") });
        await page.Context.CloseAsync();
    }
}
