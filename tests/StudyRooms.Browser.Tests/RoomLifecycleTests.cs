using Microsoft.Playwright;
using StudyRooms.Testing;

namespace StudyRooms.Browser.Tests;

// Proves the owner's room menu in a real browser: the owner archives the room (a participant's page
// shows the archived banner), restores it, then deletes it by typing its name, and the participant's
// page shows the deleted banner with the way home (P-LIFE-1..4).
[Collection(BrowserCollection.Name)]
public sealed class RoomLifecycleTests(BrowserFixture browser)
{
    private const string RoomName = "Linear algebra";

    [Fact]
    public async Task TheOwnerDeletesTheRoomByTypingItsNameAndAParticipantSeesTheDeletedBanner()
    {
        await using var host = await StudyRoomsHost.StartAsync();
        var ada = (await WhiteboardPage.CreateRoomAsync(browser, host.BaseAddress, RoomName, "Ada")).Page;
        var link = (await ada.GetByTestId("room-link").TextContentAsync())!.Trim();
        var bob = (await WhiteboardPage.OpenAsync(browser, link, "Bob")).Page;

        // Only the owner has the room menu.
        await Assertions.Expect(ada.GetByTestId("room-menu")).ToBeVisibleAsync();
        await Assertions.Expect(bob.GetByTestId("room-menu")).ToBeHiddenAsync();

        // Archive: Bob's page says so at once; restore takes the banner away.
        await ada.GetByTestId("room-menu").ClickAsync();
        await ada.GetByTestId("room-archive").ClickAsync();
        await Assertions.Expect(bob.GetByTestId("room-archived-banner")).ToBeVisibleAsync();
        await Assertions.Expect(ada.GetByTestId("room-archived-banner")).ToBeVisibleAsync();
        await ada.GetByTestId("room-menu").ClickAsync();
        await ada.GetByTestId("room-restore").ClickAsync();
        await Assertions.Expect(bob.GetByTestId("room-archived-banner")).ToHaveCountAsync(0);
        await Assertions.Expect(ada.GetByTestId("room-archived-banner")).ToHaveCountAsync(0);

        // Delete: the button stays disabled until the name is typed exactly.
        await ada.GetByTestId("room-menu").ClickAsync();
        await ada.GetByTestId("room-delete").ClickAsync();
        var confirm = ada.GetByTestId("room-delete-confirm");
        await ada.GetByTestId("room-delete-name").FillAsync("linear algebra");
        await Assertions.Expect(confirm).ToBeDisabledAsync();
        await ada.GetByTestId("room-delete-name").FillAsync(RoomName);
        await Assertions.Expect(confirm).ToBeEnabledAsync();
        await confirm.ClickAsync();

        await Assertions.Expect(bob.GetByTestId("room-deleted-banner")).ToBeVisibleAsync();
        await Assertions.Expect(bob.GetByTestId("room-deleted-banner")).ToContainTextAsync("was deleted");
        await Assertions.Expect(ada.GetByTestId("room-deleted-banner")).ToBeVisibleAsync();
        await bob.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("room-deleted-bob") });

        // The way home works, and the link now leads nowhere.
        await bob.GetByTestId("room-deleted-home").ClickAsync();
        await Assertions.Expect(bob.GetByTestId("room-name-input")).ToBeVisibleAsync();
        await bob.GotoAsync(link);
        await Assertions.Expect(bob.GetByTestId("room-title")).ToContainTextAsync("not", new() { IgnoreCase = true });
        await ada.Context.CloseAsync();
        await bob.Context.CloseAsync();
    }
}
