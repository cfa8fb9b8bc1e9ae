using System.Text.Json;
using Microsoft.Playwright;
using StudyRooms.Testing;

namespace StudyRooms.Browser.Tests;

// Proves that rotating a multi-selection with the group's rotate handle in one page reaches a second
// page's model as one edit: every element's centre turns about the group's centre and each box
// gains the same angle, and one undo takes the whole rotation back there too.
[Collection(BrowserCollection.Name)]
public sealed class GroupRotateTests(BrowserFixture browser)
{
    [Fact]
    public async Task AMultiSelectionRotatedInOnePageIsRotatedInAnother()
    {
        await using var host = await StudyRoomsHost.StartAsync();
        var (ada, bob, _) = await TwoShapesRoom.StartAsync(browser, host.BaseAddress, "Group rotate");

        // A stroke between the rectangle and the ellipse.
        await ada.ToolAsync("pen");
        await ada.DragAsync(380, 180, 440, 200);
        await bob.WaitForModelAsync("els.length === 3");
        await ada.SavedAsync();
        var before = await ByIdAsync(bob);

        // Select all three, then drag the rotate handle above the group's middle a quarter turn
        // clockwise, Shift held so the angle snaps to exactly 90°.
        await ada.ToolAsync("select");
        await ada.Page.Keyboard.PressAsync("Control+a");
        await Assertions.Expect(ada.Page.GetByTestId("board")).ToHaveAttributeAsync("data-selected-count", "3");
        var group = await ada.Page.EvaluateAsync<double[]>(
            "() => { const els = window.__studyrooms.elements(); const r = els.filter(e => e.type === 'rectangle' || e.type === 'ellipse');" +
            " return [Math.min(...r.map(e => e.props.x)) - 1, Math.min(...r.map(e => e.props.y)) - 1, Math.max(...r.map(e => e.props.x + e.props.width)) + 1, Math.max(...r.map(e => e.props.y + e.props.height)) + 1]; }");
        var (cx, cy) = ((group[0] + group[2]) / 2, (group[1] + group[3]) / 2);
        await ada.PointerDownAsync(cx, group[1] - 24);
        await ada.Page.Keyboard.DownAsync("Shift");
        await ada.PointerMoveAsync(cx + 120, cy + 3, steps: 10);
        await ada.PointerUpAsync();
        await ada.Page.Keyboard.UpAsync("Shift");

        await bob.WaitForModelAsync("els.filter(e => e.type === 'rectangle' || e.type === 'ellipse').every(e => Math.abs((e.props.angle ?? 0) - Math.PI / 2) < 0.001)");
        await ada.SavedAsync();
        var after = await ByIdAsync(bob);
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        foreach (var (id, element) in before)
        {
            var turned = after[id];
            var (ex, ey) = Turn(Centre(element), cx, cy);
            var (ax, ay) = Centre(turned);
            Assert.True(Math.Abs(ex - ax) < 0.05 && Math.Abs(ey - ay) < 0.05, $"{id}: centre ({ax}, {ay}), expected ({ex}, {ey})");
            if (element.GetProperty("type").GetString() is "rectangle" or "ellipse")
            {
                Assert.Equal(Math.PI / 2, turned.GetProperty("props").GetProperty("angle").GetDouble(), 3); // angles travel rounded to 3 decimals
                Assert.Equal(Prop(element, "width"), Prop(turned, "width"));
            }
        }

        await bob.Page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("group-rotate-bob") });

        // One undo step takes the whole rotation back, in both pages.
        await ada.Page.GetByTestId("action-undo").ClickAsync();
        await bob.WaitForModelAsync("els.length === 3 && els.every(e => !e.props.angle)");
        var undone = await ByIdAsync(bob);
        foreach (var (id, element) in before)
        {
            Assert.Equal(Centre(element), Centre(undone[id]));
        }

        await ada.Page.Context.CloseAsync();
        await bob.Page.Context.CloseAsync();
    }

    private static async Task<Dictionary<string, JsonElement>> ByIdAsync(WhiteboardPage page) =>
        (await page.ElementsAsync()).ToDictionary(e => e.GetProperty("id").GetString()!);

    private static double Prop(JsonElement element, string name) =>
        element.GetProperty("props").TryGetProperty(name, out var value) ? value.GetDouble() : 0;

    /// <summary>The centre of a box (x, y, width, height) or of a stroke's points.</summary>
    private static (double X, double Y) Centre(JsonElement element)
    {
        var (x, y) = (Prop(element, "x"), Prop(element, "y"));
        if (element.GetProperty("props").TryGetProperty("points", out var points))
        {
            var values = points.EnumerateArray().Select(p => p.GetDouble()).ToArray();
            var xs = values.Where((_, i) => i % 2 == 0).ToArray();
            var ys = values.Where((_, i) => i % 2 == 1).ToArray();
            return (x + ((xs.Min() + xs.Max()) / 2), y + ((ys.Min() + ys.Max()) / 2));
        }

        return (x + (Prop(element, "width") / 2), y + (Prop(element, "height") / 2));
    }

    /// <summary>A point turned a quarter clockwise (screen axes, y down) about (cx, cy).</summary>
    private static (double X, double Y) Turn((double X, double Y) point, double cx, double cy) =>
        (cx - (point.Y - cy), cy + (point.X - cx));
}
