using System.Text.Json;
using Microsoft.Playwright;

namespace StudyRooms.Browser.Tests;

/// <summary>
/// Drives one person's room page: tools by their data-testid, pointer gestures in board
/// coordinates (the view starts at 100 % with the board origin at the canvas's top left), and
/// the read-only <c>window.__studyrooms</c> model hook.
/// </summary>
public sealed class WhiteboardPage(IPage page)
{
    public IPage Page { get; } = page;

    public static Task<WhiteboardPage> OpenAsync(BrowserFixture browser, string url, string name) =>
        OpenAsync(browser, url, name, initScript: null);

    /// <summary>As <see cref="OpenAsync(BrowserFixture, string, string)"/>, with <paramref name="initScript"/> run before the page's own scripts (e.g. a skewed clock).</summary>
    public static async Task<WhiteboardPage> OpenAsync(BrowserFixture browser, string url, string name, string? initScript)
    {
        var page = await browser.NewPersonAsync();
        if (initScript is not null)
        {
            await page.AddInitScriptAsync(initScript);
        }

        await page.GotoAsync(url);
        await page.GetByTestId("display-name-input").FillAsync(name);
        await page.GetByTestId("display-name-submit").ClickAsync();
        var board = new WhiteboardPage(page);
        await board.WaitLiveAsync();
        return board;
    }

    /// <summary>A new person signs in with <paramref name="name"/>, creates a room from the lobby and waits until it is live.</summary>
    public static Task<WhiteboardPage> CreateRoomAsync(BrowserFixture browser, Uri baseAddress, string roomName, string name) =>
        CreateRoomAsync(browser, baseAddress, roomName, name, initScript: null);

    /// <summary>As <see cref="CreateRoomAsync(BrowserFixture, Uri, string, string)"/>, with <paramref name="initScript"/> run before the page's own scripts.</summary>
    public static async Task<WhiteboardPage> CreateRoomAsync(BrowserFixture browser, Uri baseAddress, string roomName, string name, string? initScript)
    {
        var page = await browser.NewPersonAsync();
        if (initScript is not null)
        {
            await page.AddInitScriptAsync(initScript);
        }

        await page.GotoAsync(baseAddress.ToString());
        await page.GetByTestId("display-name-input").FillAsync(name);
        await page.GetByTestId("display-name-submit").ClickAsync();
        await page.GetByTestId("room-name-input").FillAsync(roomName);
        await page.GetByTestId("create-room-submit").ClickAsync();
        var board = new WhiteboardPage(page);
        await board.WaitLiveAsync();
        return board;
    }

    public Task WaitLiveAsync() =>
        Assertions.Expect(Page.GetByTestId("connection-status")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 30_000 });

    public Task ToolAsync(string tool) => Page.GetByTestId("tool-" + tool).ClickAsync();

    public async Task DragAsync(double x0, double y0, double x1, double y1, int steps = 8)
    {
        var (ox, oy) = await OriginAsync();
        await Page.Mouse.MoveAsync((float)(ox + x0), (float)(oy + y0));
        await Page.Mouse.DownAsync();
        await Page.Mouse.MoveAsync((float)(ox + x1), (float)(oy + y1), new MouseMoveOptions { Steps = steps });
        await Page.Mouse.UpAsync();
    }

    /// <summary>Moves to a board point and presses the button: a gesture the test finishes step by step (e.g. with a key held).</summary>
    public async Task PointerDownAsync(double x, double y)
    {
        var (ox, oy) = await OriginAsync();
        await Page.Mouse.MoveAsync((float)(ox + x), (float)(oy + y));
        await Page.Mouse.DownAsync();
    }

    public async Task PointerMoveAsync(double x, double y, int steps = 8)
    {
        var (ox, oy) = await OriginAsync();
        await Page.Mouse.MoveAsync((float)(ox + x), (float)(oy + y), new MouseMoveOptions { Steps = steps });
    }

    public Task PointerUpAsync() => Page.Mouse.UpAsync();

    public async Task ScribbleAsync(double x0, double y0, double width)
    {
        var (ox, oy) = await OriginAsync();
        await Page.Mouse.MoveAsync((float)(ox + x0), (float)(oy + y0));
        await Page.Mouse.DownAsync();
        for (var i = 1; i <= 12; i++)
        {
            await Page.Mouse.MoveAsync((float)(ox + x0 + (i * width / 12)), (float)(oy + y0 + (Math.Sin(i / 2.0) * 15)), new MouseMoveOptions { Steps = 2 });
        }

        await Page.Mouse.UpAsync();
    }

    public async Task ClickAtAsync(double x, double y)
    {
        var (ox, oy) = await OriginAsync();
        await Page.Mouse.ClickAsync((float)(ox + x), (float)(oy + y));
    }

    /// <summary>The visible board as the page's model holds it (committed plus pending).</summary>
    public async Task<JsonElement[]> ElementsAsync() =>
        (await Page.EvaluateAsync<JsonElement>("() => window.__studyrooms.elements()")).EnumerateArray().ToArray();

    /// <summary>Waits until a JavaScript condition on <c>els</c> (the model's elements) holds.</summary>
    public Task WaitForModelAsync(string condition) =>
        Page.WaitForFunctionAsync($"() => {{ const els = window.__studyrooms?.elements() ?? []; return {condition}; }}", null, new() { Timeout = 20_000 });

    public async Task<JsonElement> ElementOfTypeAsync(string type) =>
        (await ElementsAsync()).Single(e => e.GetProperty("type").GetString() == type);

    public Task SavedAsync() =>
        Assertions.Expect(Page.GetByTestId("save-status")).ToHaveAttributeAsync("data-state", "saved", new() { Timeout = 30_000 });

    private async Task<(double X, double Y)> OriginAsync()
    {
        var box = await Page.GetByTestId("board-canvas").BoundingBoxAsync() ?? throw new InvalidOperationException("no board canvas");
        return (box.X, box.Y);
    }
}
