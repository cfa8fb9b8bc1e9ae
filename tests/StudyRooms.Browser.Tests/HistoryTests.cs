using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using StudyRooms.Contracts.Boards;
using StudyRooms.Testing;

namespace StudyRooms.Browser.Tests;

// Proves board history end to end in Chromium (P-HIST-1..4): a snapshot taken through the sprint
// hook is listed and previewed read-only in one page, restoring it changes the board in a second
// page (others' later edits included), and the restorer's undo brings the board back.
[Collection(BrowserCollection.Name)]
public sealed class HistoryTests(BrowserFixture browser)
{
    [Fact]
    public async Task ARestoredSnapshotReachesTheOtherPageAndUndoTakesItBack()
    {
        await using var host = await StudyRoomsHost.StartAsync();
        var room = await TwoShapesRoom.StartAsync(browser, host.BaseAddress, "History");
        var (ada, bob, roomId) = (room.Ada, room.Bob, room.RoomId);
        await ada.SavedAsync();

        // The sprint engine's hook (P-HIST-1).
        var board = host.Services.GetRequiredService<IGrainFactory>().GetGrain<IBoardGrain>(roomId);
        await board.SaveHistorySnapshotAsync("Sprint 1 started");

        // After it: Ada moves the rectangle, Bob adds a diamond.
        await ada.ToolAsync("select");
        await ada.DragAsync(201, 190, 251, 240);
        await bob.ToolAsync("diamond");
        await bob.DragAsync(700, 150, 800, 230);
        await ada.WaitForModelAsync("els.length === 3 && els.some(e => e.type === 'rectangle' && e.props.x === 250)");

        // Ada lists and previews the snapshot: read-only, drawn in the preview overlay.
        await ada.Page.GetByTestId("history-button").ClickAsync();
        var entry = ada.Page.GetByTestId("history-entry").Filter(new() { HasText = "Sprint 1 started" });
        await Assertions.Expect(entry).ToHaveCountAsync(1);
        await entry.GetByTestId("history-preview-button").ClickAsync();
        var preview = ada.Page.GetByTestId("history-preview");
        await Assertions.Expect(preview).ToHaveAttributeAsync("data-element-count", "2");
        await Assertions.Expect(ada.Page.GetByTestId("board")).ToHaveAttributeAsync("data-element-count", "3");
        await ada.Page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("history-preview-ada") });

        // Restore: Bob's page changes to the snapshot.
        await ada.Page.GetByTestId("history-restore").ClickAsync();
        await bob.WaitForModelAsync("els.length === 2 && !els.some(e => e.type === 'diamond') && els.some(e => e.type === 'rectangle' && e.props.x === 200 && e.props.y === 150) && els.some(e => e.type === 'ellipse')");
        await ada.SavedAsync();
        await bob.Page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("history-restored-bob") });

        // Ada undoes the restore: the moved rectangle and Bob's diamond are back, for Bob too.
        await ada.Page.GetByTestId("action-undo").ClickAsync();
        await bob.WaitForModelAsync("els.length === 3 && els.some(e => e.type === 'diamond') && els.some(e => e.type === 'rectangle' && e.props.x === 250)");
        await ada.SavedAsync();
        await bob.SavedAsync();

        await ada.Page.Context.CloseAsync();
        await bob.Page.Context.CloseAsync();
    }
}
