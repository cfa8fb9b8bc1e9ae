using Microsoft.Playwright;
using StudyRooms.Testing;

namespace StudyRooms.Browser.Tests;

// Proves the board navigation and group editing in Chromium: the minimap shows the viewport
// rectangle and a click on it pans the board there (zoom unchanged); a multi-selection resizes as
// one group and one undo takes the whole gesture back.
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
        await ada.DragAsync(300, 150, 400, 230);
        await ada.ToolAsync("ellipse");
        await ada.DragAsync(700, 450, 800, 520);
        await ada.WaitForModelAsync("els.length === 2");
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

    [Fact]
    public async Task ASelectionOfTwoShapesResizesAsOneGroupAndOneUndoTakesItBack()
    {
        await using var host = await StudyRoomsHost.StartAsync();
        var page = await browser.NewPersonAsync();
        await page.GotoAsync(host.BaseAddress.ToString());
        await page.GetByTestId("display-name-input").FillAsync("Ada");
        await page.GetByTestId("display-name-submit").ClickAsync();
        await page.GetByTestId("room-name-input").FillAsync("Group resize");
        await page.GetByTestId("create-room-submit").ClickAsync();
        var ada = new WhiteboardPage(page);
        await ada.WaitLiveAsync();
        await ada.ToolAsync("rectangle");
        await ada.DragAsync(300, 150, 400, 230);
        await ada.ToolAsync("rectangle");
        await ada.DragAsync(500, 150, 600, 230);
        await ada.WaitForModelAsync("els.length === 2");

        // Select both, then drag the group's bottom-right handle: both double in size and the
        // right one moves right, about the group's top-left corner.
        await page.Keyboard.PressAsync("Control+a");
        await Assertions.Expect(page.GetByTestId("board")).ToHaveAttributeAsync("data-selected-count", "2");
        var box = await page.EvaluateAsync<double[]>("() => { const els = window.__studyrooms.elements(); return [Math.max(...els.map(e => e.props.x + e.props.width)), Math.max(...els.map(e => e.props.y + e.props.height))]; }");
        await ada.DragAsync(box[0], box[1], box[0] + 300, box[1] + 100);
        await ada.WaitForModelAsync("els.length === 2 && els.every(e => e.props.width > 180 && e.props.height > 150) && els.some(e => e.props.x > 650)");
        await ada.SavedAsync();

        // One undo step puts both back.
        await page.GetByTestId("action-undo").ClickAsync();
        await ada.WaitForModelAsync("els.length === 2 && els.every(e => e.props.width === 100 && e.props.height === 80) && els.some(e => e.props.x === 500)");
        await page.Context.CloseAsync();
    }
}
