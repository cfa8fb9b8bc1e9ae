using Microsoft.Playwright;
using StudyRooms.Testing;

namespace StudyRooms.Browser.Tests;

// Proves the first live room end to end in a real browser: a name, a room, a shared link, live
// presence, a stroke seen while it is drawn and committed on pen lift, and still there after a
// page reload and a server restart.
[Collection(BrowserCollection.Name)]
public sealed class FirstLiveRoomTests(BrowserFixture browser)
{
    [Fact]
    public async Task TwoPeopleShareALiveRoomAndTheStrokeSurvivesReloadAndRestart()
    {
        var dataDirectory = StudyRoomsHost.NewDataDirectory();
        string roomPath;
        await using (var host = await StudyRoomsHost.StartAsync(dataDirectory))
        {
            var ada = await browser.NewPersonAsync();
            await ada.GotoAsync(host.BaseAddress.ToString());
            await EnterNameAsync(ada, "Ada");
            await ada.GetByTestId("room-name-input").FillAsync("Calculus study group");
            await ada.GetByTestId("room-topic-input").FillAsync("Limits");
            await ada.GetByTestId("create-room-submit").ClickAsync();
            await Assertions.Expect(ada.GetByTestId("room-title")).ToContainTextAsync("Calculus study group");
            await WaitLiveAsync(ada);
            var link = (await ada.GetByTestId("room-link").TextContentAsync())!.Trim();
            Assert.StartsWith(host.BaseAddress.ToString().TrimEnd('/') + "/r/", link);
            roomPath = new Uri(link).AbsolutePath;

            var bob = await browser.NewPersonAsync();
            await bob.GotoAsync(link);
            await EnterNameAsync(bob, "Bob");
            await WaitLiveAsync(bob);
            await Assertions.Expect(bob.GetByTestId("room-title")).ToContainTextAsync("Calculus study group");

            // Presence: each sees both names at once.
            await Assertions.Expect(ada.GetByTestId("participant").Filter(new() { HasText = "Bob" })).ToHaveCountAsync(1);
            await Assertions.Expect(bob.GetByTestId("participant").Filter(new() { HasText = "Ada" })).ToHaveCountAsync(1);

            // Ada draws: Bob sees the stroke while the pen is still down…
            var canvas = await ada.GetByTestId("board-canvas").BoundingBoxAsync();
            Assert.NotNull(canvas);
            var x0 = canvas.X + (canvas.Width / 3);
            var y0 = canvas.Y + (canvas.Height / 3);
            await ada.Mouse.MoveAsync(x0, y0);
            await ada.Mouse.DownAsync();
            for (var i = 1; i <= 30; i++)
            {
                await ada.Mouse.MoveAsync(x0 + (i * 8), y0 + (float)(Math.Sin(i / 4.0) * 40), new MouseMoveOptions { Steps = 2 });
            }

            await Assertions.Expect(bob.GetByTestId("board")).Not.ToHaveAttributeAsync("data-preview-count", "0");
            await Assertions.Expect(bob.GetByTestId("board")).ToHaveAttributeAsync("data-element-count", "0");

            // …and committed when it lifts.
            await ada.Mouse.UpAsync();
            await Assertions.Expect(ada.GetByTestId("board")).ToHaveAttributeAsync("data-pending-count", "0");
            await Assertions.Expect(ada.GetByTestId("board")).ToHaveAttributeAsync("data-element-count", "1");
            await Assertions.Expect(bob.GetByTestId("board")).ToHaveAttributeAsync("data-element-count", "1");
            await Assertions.Expect(bob.GetByTestId("board")).ToHaveAttributeAsync("data-preview-count", "0");
            await Assertions.Expect(bob.GetByTestId("board")).ToHaveAttributeAsync("data-clock", "1");
            await bob.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("first-live-room-bob") });

            // Bob reloads: the stroke is still there.
            await bob.ReloadAsync();
            await WaitLiveAsync(bob);
            await Assertions.Expect(bob.GetByTestId("board")).ToHaveAttributeAsync("data-element-count", "1");

            // Bob leaves: Ada sees it at once.
            await bob.Context.CloseAsync();
            await Assertions.Expect(ada.GetByTestId("participant").Filter(new() { HasText = "Bob" })).ToHaveCountAsync(0);
            await ada.Context.CloseAsync();
        }

        // The server restarts on the same data: the room and the stroke come back.
        await using var restarted = await StudyRoomsHost.StartAsync(dataDirectory);
        var carol = await browser.NewPersonAsync();
        await carol.GotoAsync(new Uri(restarted.BaseAddress, roomPath).ToString());
        await EnterNameAsync(carol, "Carol");
        await WaitLiveAsync(carol);
        await Assertions.Expect(carol.GetByTestId("room-title")).ToContainTextAsync("Calculus study group");
        await Assertions.Expect(carol.GetByTestId("board")).ToHaveAttributeAsync("data-element-count", "1");
        await carol.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("first-live-room-after-restart") });
        await carol.Context.CloseAsync();
    }

    private static async Task EnterNameAsync(IPage page, string name)
    {
        await page.GetByTestId("display-name-input").FillAsync(name);
        await page.GetByTestId("display-name-submit").ClickAsync();
    }

    private static Task WaitLiveAsync(IPage page) =>
        Assertions.Expect(page.GetByTestId("connection-status")).ToHaveAttributeAsync("data-state", "live");
}
