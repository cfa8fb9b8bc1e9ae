using Microsoft.Playwright;
using StudyRooms.Testing;

namespace StudyRooms.Browser.Tests;

// Proves the whiteboard's tools end to end: everything one person draws with each tool appears in
// a second person's model, an arrow bound to a shape follows it when the shape moves, cursors and
// the laser reach the peer, and undo takes back only the user's own edits (P-UNDO-1..4).
[Collection(BrowserCollection.Name)]
public sealed class WhiteboardToolsTests(BrowserFixture browser)
{
    [Fact]
    public async Task EveryToolDrawnByOnePersonAppearsForAnotherAndUndoIsPerUser()
    {
        await using var host = await StudyRoomsHost.StartAsync();
        var ada = await WhiteboardPage.CreateRoomAsync(browser, host.BaseAddress, "Whiteboard tools", "Ada");
        var link = (await ada.Page.GetByTestId("room-link").TextContentAsync())!.Trim();
        var bob = await WhiteboardPage.OpenAsync(browser, link, "Bob");

        // Pen, highlighter (by keyboard shortcut), line.
        await ada.ToolAsync("pen");
        await ada.ScribbleAsync(220, 420, 160);
        await ada.Page.Keyboard.PressAsync("i");
        await ada.ScribbleAsync(450, 420, 160);
        await ada.ToolAsync("line");
        await ada.DragAsync(700, 400, 820, 460);

        // Rectangle, ellipse, diamond; an arrow from the rectangle to the ellipse binds to both.
        await ada.ToolAsync("rectangle");
        await ada.DragAsync(200, 150, 320, 230);
        await ada.Page.Keyboard.PressAsync("o");
        await ada.DragAsync(500, 150, 620, 230);
        await ada.ToolAsync("diamond");
        await ada.DragAsync(700, 150, 800, 230);
        await ada.ToolAsync("arrow");
        await ada.DragAsync(260, 190, 560, 190);

        // Text and a sticky note, typed in place.
        await ada.ToolAsync("text");
        await ada.ClickAtAsync(220, 300);
        await ada.Page.GetByTestId("text-editor").FillAsync("Limits");
        await ada.Page.Keyboard.PressAsync("Escape");
        await ada.Page.GetByTestId("sticky-color-blue").CheckAsync(new() { Force = true });
        await ada.ToolAsync("sticky");
        await ada.ClickAtAsync(600, 320);
        await ada.Page.GetByTestId("text-editor").FillAsync("Ask about epsilon");
        await ada.Page.Keyboard.PressAsync("Escape");

        await bob.WaitForModelAsync("els.length === 9");
        var types = (await bob.ElementsAsync()).Select(e => e.GetProperty("type").GetString() ?? "").Order().ToArray();
        Assert.Equal(new[] { "arrow", "diamond", "ellipse", "freehand", "highlighter", "line", "rectangle", "sticky", "text" }, types);
        var rectangle = await bob.ElementOfTypeAsync("rectangle");
        var ellipse = await bob.ElementOfTypeAsync("ellipse");
        var arrow = await bob.ElementOfTypeAsync("arrow");
        Assert.Equal(rectangle.GetProperty("id").GetString(), arrow.GetProperty("props").GetProperty("startBinding").GetString());
        Assert.Equal(ellipse.GetProperty("id").GetString(), arrow.GetProperty("props").GetProperty("endBinding").GetString());
        Assert.Equal("Limits", (await bob.ElementOfTypeAsync("text")).GetProperty("props").GetProperty("text").GetString());
        var sticky = await bob.ElementOfTypeAsync("sticky");
        Assert.Equal("Ask about epsilon", sticky.GetProperty("props").GetProperty("text").GetString());
        Assert.Equal("#a5d8ff", sticky.GetProperty("props").GetProperty("fillColor").GetString());
        Assert.Equal(9, await ElementCountAttributeAsync(bob));

        // Ada moves the rectangle (grabbing its edge): the bound arrow's start follows, for Bob too.
        await ada.ToolAsync("select");
        await ada.DragAsync(201, 190, 251, 240);
        await bob.WaitForModelAsync("els.some(e => e.type === 'rectangle' && e.props.x === 250 && e.props.y === 200)");
        await bob.WaitForModelAsync("els.some(e => e.type === 'arrow' && e.props.x === 310 && e.props.y === 240)");

        // The eraser deletes the pen stroke it touches.
        await ada.ToolAsync("eraser");
        await ada.DragAsync(300, 380, 300, 460);
        await bob.WaitForModelAsync("els.length === 8 && !els.some(e => e.type === 'freehand')");

        // Cursors and the laser reach the peer.
        await ada.ToolAsync("laser");
        var (ox, oy) = await CanvasOriginAsync(ada.Page);
        await ada.Page.Mouse.MoveAsync((float)(ox + 400), (float)(oy + 300));
        await ada.Page.Mouse.DownAsync();
        for (var i = 0; i < 10; i++)
        {
            await ada.Page.Mouse.MoveAsync((float)(ox + 400 + (i * 10)), (float)(oy + 300), new MouseMoveOptions { Steps = 2 });
        }

        await bob.Page.WaitForFunctionAsync("() => window.__studyrooms.cursors().some(c => c.laser && c.visible)");
        await ada.Page.Mouse.UpAsync();
        await bob.Page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("whiteboard-tools-bob") });

        // Undo across two users: Bob recolours the rectangle Ada moved…
        await bob.ToolAsync("select");
        await bob.ClickAtAsync(250, 240);
        await Assertions.Expect(bob.Page.GetByTestId("board")).ToHaveAttributeAsync("data-selected-count", "1");
        await bob.Page.GetByTestId("fill-yellow").CheckAsync(new() { Force = true });
        await ada.WaitForModelAsync("els.some(e => e.type === 'rectangle' && e.props.fillColor === '#ffec99')");

        // …Ada undoes twice (the erase, then her move): her move goes, Bob's colour stays.
        await ada.Page.Keyboard.PressAsync("Escape");
        await ada.Page.Keyboard.PressAsync("Control+z");
        await ada.WaitForModelAsync("els.some(e => e.type === 'freehand')");
        await ada.Page.Keyboard.PressAsync("Control+z");
        await bob.WaitForModelAsync("els.some(e => e.type === 'rectangle' && e.props.x === 200 && e.props.fillColor === '#ffec99')");
        await bob.WaitForModelAsync("els.some(e => e.type === 'arrow' && e.props.x === 260 && e.props.y === 190)");

        // Bob's undo takes back only his recolour; Ada's shapes stay where Ada's undo put them.
        await bob.Page.Keyboard.PressAsync("Control+z");
        await ada.WaitForModelAsync("els.some(e => e.type === 'rectangle' && e.props.x === 200 && e.props.fillColor === 'transparent')");
        await bob.Page.Keyboard.PressAsync("Control+z");
        Assert.Equal(9, (await bob.ElementsAsync()).Length);

        // Ada redoes her move.
        await ada.Page.Keyboard.PressAsync("Control+Shift+z");
        await bob.WaitForModelAsync("els.some(e => e.type === 'rectangle' && e.props.x === 250)");
        await ada.SavedAsync();
        await bob.SavedAsync();
        await ada.Page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("whiteboard-tools-ada") });

        // The help panel lists the shortcuts.
        await ada.Page.Keyboard.PressAsync("?");
        await Assertions.Expect(ada.Page.GetByTestId("help-panel")).ToContainTextAsync("Sticky note");
        await ada.Page.Context.CloseAsync();
        await bob.Page.Context.CloseAsync();
    }

    private static async Task<int> ElementCountAttributeAsync(WhiteboardPage page) =>
        int.Parse((await page.Page.GetByTestId("board").GetAttributeAsync("data-element-count"))!, System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<(double X, double Y)> CanvasOriginAsync(IPage page)
    {
        var box = await page.GetByTestId("board-canvas").BoundingBoxAsync() ?? throw new InvalidOperationException("no board canvas");
        return (box.X, box.Y);
    }
}
