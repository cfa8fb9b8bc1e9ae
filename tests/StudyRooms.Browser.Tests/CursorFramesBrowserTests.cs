using Microsoft.Playwright;
using Microsoft.Extensions.DependencyInjection;
using StudyRooms.Server.Hubs;
using StudyRooms.Testing;

namespace StudyRooms.Browser.Tests;

// Proves the web client takes a frame of several cursors (P-LIVE-5): two people move at once, the
// server sends their cursors as one CursorsMoved to both, and each page shows the other's latest
// cursor and never its own. A user's two tabs are two cursors on a peer's page, each tab shows the
// other one's cursor, and a tab that closes takes its cursor with it. A peer whose tab is hidden
// shows a dimmed cursor labelled away, and a plain one again when the tab is shown (P-STATUS-3).
[Collection(BrowserCollection.Name)]
public sealed class CursorFramesBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task TwoPeopleMovingTogetherEachSeeTheOthersCursorFromOneFrameAndNotTheirOwn_P_LIVE_5()
    {
        // A frame long enough that both pages' moves land in one, even on a loaded machine.
        await using var host = await StudyRoomsHost.StartAsync(settings: new Dictionary<string, string?> { ["StudyRooms:CursorFrameMilliseconds"] = "300" });
        var ada = await WhiteboardPage.CreateRoomAsync(browser, host.BaseAddress, "Cursor frames", "Ada");
        var link = (await ada.Page.GetByTestId("room-link").TextContentAsync())!.Trim();
        var roomId = new Uri(link).AbsolutePath.Split('/')[^1];
        var bob = await WhiteboardPage.OpenAsync(browser, link, "Bob");
        await using var cy = await RoomClient.ConnectAsync(host, await host.SignInAsync("Cy"));
        var joined = await cy.JoinAsync(roomId);
        var adaId = joined.Participants.Single(p => p.DisplayName == "Ada").UserId;
        var bobId = joined.Participants.Single(p => p.DisplayName == "Bob").UserId;

        var box = await ada.Page.GetByTestId("board-canvas").BoundingBoxAsync() ?? throw new InvalidOperationException("no board canvas");
        var deadline = DateTime.UtcNow + Poll.DefaultTimeout;
        for (var i = 0; !cy.CursorFrames.Any(f => f.Cursors.Length == 2); i++)
        {
            Assert.True(DateTime.UtcNow < deadline, "Cy never received a frame of both cursors");
            await ada.Page.Mouse.MoveAsync(box.X + 300 + (i % 40), box.Y + 300);
            await bob.Page.Mouse.MoveAsync(box.X + 500, box.Y + 200 + (i % 40));
        }

        var frameUsers = cy.CursorFrames.First(f => f.Cursors.Length == 2).Cursors.Select(c => c.UserId);
        Assert.Equal(new[] { adaId, bobId }.Order(StringComparer.Ordinal), frameUsers.Order(StringComparer.Ordinal));

        // Once the room is quiet, each page holds the other's last cursor as Cy does, and not its own.
        var frames = host.Services.GetRequiredService<CursorFrames>();
        await Poll.UntilAsync(() => !frames.IsFraming(roomId), "the room's cursor frames end");
        foreach (var (page, self, other) in new[] { (ada, adaId, bobId), (bob, bobId, adaId) })
        {
            // Cy's copy of the last frame may still be on its way when the server's frames end: compare
            // with Cy's latest each time until both hold the same position.
            await Poll.UntilAsync(
                async () =>
                {
                    var last = cy.CursorsMoved.Last(c => c.UserId == other);
                    return await page.Page.EvaluateAsync<bool>(
                        "([id, x, y]) => window.__studyrooms.cursors().some(c => c.userId === id && c.x === x && c.y === y)",
                        new object[] { other, last.X, last.Y });
                },
                "the page shows the other's last cursor, as Cy received it");
            var own = await page.Page.EvaluateAsync<int>("(id) => window.__studyrooms.cursors().filter(c => c.userId === id).length", self);
            Assert.Equal(0, own);
        }
    }

    [Fact]
    public async Task AUsersTwoTabsAreTwoCursorsOnAPeersPage_P_LIVE_5()
    {
        await using var host = await StudyRoomsHost.StartAsync();
        var adaFirst = await WhiteboardPage.CreateRoomAsync(browser, host.BaseAddress, "Two tabs", "Ada");
        var link = (await adaFirst.Page.GetByTestId("room-link").TextContentAsync())!.Trim();
        var adaSecond = await adaFirst.Page.Context.NewPageAsync();
        adaSecond.SetDefaultTimeout(15_000);
        await adaSecond.GotoAsync(link);
        await Assertions.Expect(adaSecond.GetByTestId("connection-status")).ToHaveAttributeAsync("data-state", "live");
        var bob = await WhiteboardPage.OpenAsync(browser, link, "Bob");
        var adaId = await adaFirst.Page.EvaluateAsync<string>("() => JSON.parse(localStorage.getItem('studyrooms.session.v1')).userId");

        // The first tab points left, the second right, until Bob's page holds two cursors of Ada's,
        // of two tabs, far apart.
        var box = await bob.Page.GetByTestId("board-canvas").BoundingBoxAsync() ?? throw new InvalidOperationException("no board canvas");
        var deadline = DateTime.UtcNow + Poll.DefaultTimeout;
        for (var i = 0; ; i++)
        {
            await adaFirst.Page.Mouse.MoveAsync(box.X + 200 + (i % 20), box.Y + 300);
            await adaSecond.Mouse.MoveAsync(box.X + 700 + (i % 20), box.Y + 400);
            if (await bob.Page.EvaluateAsync<bool>(
                    "(id) => { const ada = window.__studyrooms.cursors().filter(c => c.userId === id); " +
                    "return ada.length === 2 && ada.every(c => c.clientId) && ada[0].clientId !== ada[1].clientId && Math.abs(ada[0].x - ada[1].x) > 200; }",
                    adaId))
            {
                break;
            }

            Assert.True(DateTime.UtcNow < deadline, "Bob's page never showed both of Ada's tabs' cursors");
        }

        // Bob's left cursor of Ada's is her first tab's. Each of her tabs shows the other's, not its own.
        var tabs = await bob.Page.EvaluateAsync<string[]>(
            "(id) => window.__studyrooms.cursors().filter(c => c.userId === id).sort((a, b) => a.x - b.x).map(c => c.clientId)", adaId);
        foreach (var (tab, other) in new[] { (adaFirst.Page, tabs[1]), (adaSecond, tabs[0]) })
        {
            await Poll.UntilAsync(
                () => tab.EvaluateAsync<bool>(
                    "([id, other]) => { const ada = window.__studyrooms.cursors().filter(c => c.userId === id); return ada.length === 1 && ada[0].clientId === other; }",
                    new object[] { adaId, other }),
                "a tab of Ada's shows her other tab's cursor only");
        }

        // Closing the second tab hides its cursor on Bob's page at once, not after the 30 s idle time.
        await adaSecond.CloseAsync(new PageCloseOptions { RunBeforeUnload = true });
        await Poll.UntilAsync(
            () => bob.Page.EvaluateAsync<bool>("(tab) => !window.__studyrooms.cursors().some(c => c.clientId === tab && c.visible)", tabs[1]),
            "Bob's page hides the closed tab's cursor",
            TimeSpan.FromSeconds(10));
        Assert.True(await bob.Page.EvaluateAsync<bool>("(tab) => window.__studyrooms.cursors().some(c => c.clientId === tab && c.visible)", tabs[0]));
    }

    [Fact]
    public async Task APeerWhoseTabIsHiddenShowsADimmedCursorLabelledAwayUntilTheTabIsShown_P_LIVE_5_P_STATUS_3()
    {
        await using var host = await StudyRoomsHost.StartAsync();
        var ada = await WhiteboardPage.CreateRoomAsync(browser, host.BaseAddress, "Away cursor", "Ada");
        var link = (await ada.Page.GetByTestId("room-link").TextContentAsync())!.Trim();
        var bob = await WhiteboardPage.OpenAsync(browser, link, "Bob");
        var bobId = await bob.Page.EvaluateAsync<string>("() => JSON.parse(localStorage.getItem('studyrooms.session.v1')).userId");
        const string drawnAs = "([id, label, dimmed]) => window.__studyrooms.drawnCursors().some(c => c.userId === id && c.label === label && (c.opacity < 1) === dimmed)";

        // Bob points at the board until Ada's page draws his cursor: plain, under his bare name.
        var box = await bob.Page.GetByTestId("board-canvas").BoundingBoxAsync() ?? throw new InvalidOperationException("no board canvas");
        var deadline = DateTime.UtcNow + Poll.DefaultTimeout;
        for (var i = 0; !await ada.Page.EvaluateAsync<bool>(drawnAs, new object[] { bobId, "Bob", false }); i++)
        {
            Assert.True(DateTime.UtcNow < deadline, "Ada's page never drew Bob's cursor");
            await bob.Page.Mouse.MoveAsync(box.X + 300 + (i % 40), box.Y + 300);
        }

        // His tab goes hidden (faked: headless Chromium cannot hide a page): his cursor stays where it
        // was, dimmed and labelled away; shown again, it is plain again.
        await bob.Page.SetTabHiddenAsync(true);
        await Poll.UntilAsync(() => ada.Page.EvaluateAsync<bool>(drawnAs, new object[] { bobId, "Bob · away", true }), "Ada's page draws Bob's cursor dimmed, labelled away");
        await bob.Page.SetTabHiddenAsync(false);
        await Poll.UntilAsync(() => ada.Page.EvaluateAsync<bool>(drawnAs, new object[] { bobId, "Bob", false }), "Ada's page draws Bob's cursor plain again");
    }
}
