using System.Globalization;
using Microsoft.Playwright;
using StudyRooms.Testing;

namespace StudyRooms.Browser.Tests;

// Proves the sprint bar end to end in a real browser (docs/sprints.md): a host starts a sprint, two
// pages show the same countdown (P-SPR-13) and the same phase change (P-SPR-4), a member joins with
// a goal shown beside their name (P-SPR-8), and the recap flow ends in the room's summary (P-SPR-10).
[Collection(BrowserCollection.Name)]
public sealed class SprintTests(BrowserFixture browser, Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public async Task TwoPagesShareTheCountdownThePhaseChangeAndTheRecap()
    {
        // The machine is shared by several builds: give each expectation room to wait.
        Assertions.SetDefaultExpectTimeout(30_000);
        await using var host = await StudyRoomsHost.StartAsync();
        var ada = await browser.NewPersonAsync();
        await ada.GotoAsync(host.BaseAddress.ToString());
        await EnterNameAsync(ada, "Ada");
        await ada.GetByTestId("room-name-input").FillAsync("Sprint room");
        await ada.GetByTestId("create-room-submit").ClickAsync();
        await WaitLiveAsync(ada);
        var link = (await ada.GetByTestId("room-link").TextContentAsync())!.Trim();
        var bob = await browser.NewPersonAsync();
        await bob.GotoAsync(link);
        await EnterNameAsync(bob, "Bob");
        await WaitLiveAsync(bob);

        // Ada (the owner) starts a 25/5 sprint with a goal; both pages show the focus block.
        await ada.GetByTestId("sprint-goal-input").FillAsync("Finish the limits worksheet");
        await ada.GetByTestId("sprint-start").ClickAsync();
        foreach (var page in new[] { ada, bob })
        {
            await Assertions.Expect(page.GetByTestId("sprint-phase")).ToHaveTextAsync("Focus 1 of 4");
            await Assertions.Expect(page.GetByTestId("sprint-countdown")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^2[45]:[0-5][0-9]$"));
        }

        // The same countdown: each page's end of phase (its paint time plus what it showed as left)
        // agrees within 250 ms (both pages read the same machine clock).
        var ends = new List<double>();
        foreach (var page in new[] { ada, bob })
        {
            var countdown = page.GetByTestId("sprint-countdown");
            var remaining = double.Parse((await countdown.GetAttributeAsync("data-remaining-ms"))!, CultureInfo.InvariantCulture);
            var paintedAt = double.Parse((await countdown.GetAttributeAsync("data-painted-at"))!, CultureInfo.InvariantCulture);
            ends.Add(paintedAt + remaining);
        }

        output.WriteLine($"phase end seen by the two pages differs by {Math.Abs(ends[0] - ends[1]):0} ms");
        Assert.InRange(Math.Abs(ends[0] - ends[1]), 0, 250);

        // Bob joins with a goal; Ada sees it beside his name.
        await bob.GetByTestId("sprint-goal-input").FillAsync("Read chapter 2");
        await bob.GetByTestId("sprint-join").ClickAsync();
        await Assertions.Expect(ada.GetByTestId("sprint-participant").Filter(new() { HasText = "Bob" })).ToContainTextAsync("Read chapter 2");
        await Assertions.Expect(bob.GetByTestId("sprint-bar")).ToHaveAttributeAsync("data-joined", "true");

        // Ada skips to the break: both pages change phase, and Bob is asked for his recap.
        await ada.GetByTestId("sprint-skip").ClickAsync();
        foreach (var page in new[] { ada, bob })
        {
            await Assertions.Expect(page.GetByTestId("sprint-bar")).ToHaveAttributeAsync("data-phase", "shortBreak");
            await Assertions.Expect(page.GetByTestId("sprint-phase")).ToHaveTextAsync("Short break");
        }

        await Assertions.Expect(bob.GetByTestId("sprint-recap")).ToBeVisibleAsync();
        await Assertions.Expect(bob.GetByTestId("sprint-recap")).ToContainTextAsync("Read chapter 2");
        await bob.GetByTestId("recap-note").FillAsync("Got through half");
        await bob.GetByTestId("recap-partly").ClickAsync();
        await Assertions.Expect(bob.GetByTestId("sprint-recap")).Not.ToBeVisibleAsync();

        // The room sees the summary.
        await Assertions.Expect(ada.GetByTestId("sprint-recap-summary")).ToHaveAttributeAsync("data-partly", "1");
        await Assertions.Expect(ada.GetByTestId("recap-entry")).ToContainTextAsync("Bob: Partly (Read chapter 2) · Got through half");
        await ada.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("sprint-recap-ada") });
        await ada.Context.CloseAsync();
        await bob.Context.CloseAsync();
    }

    private static async Task EnterNameAsync(IPage page, string name)
    {
        await page.GetByTestId("display-name-input").FillAsync(name);
        await page.GetByTestId("display-name-submit").ClickAsync();
    }

    private static Task WaitLiveAsync(IPage page) =>
        Assertions.Expect(page.GetByTestId("connection-status")).ToHaveAttributeAsync("data-state", "live");
}
