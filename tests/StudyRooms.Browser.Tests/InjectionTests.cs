using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;
using StudyRooms.Contracts.Boards;
using StudyRooms.Contracts.Sprints;
using StudyRooms.Testing;

namespace StudyRooms.Browser.Tests;

// Proves in a real browser that script-injection payloads in a display name, a room name, a sticky
// note, a text element and a sprint goal are shown as text and never run, in the room and in the
// lobby (P-AUTH-2, P-ROOM-1, P-CHAT-10's rule for every text; ChatTests covers chat messages).
[Collection(BrowserCollection.Name)]
public sealed class InjectionTests(BrowserFixture browser)
{
    // Each sets window.__xss when it runs; within each field's length limit.
    private const string NamePayload = "<img src=x onerror=window.__xss=1>";
    private const string RoomPayload = "<script>window.__xss=2</script><img src=x onerror=window.__xss=3>";
    private const string StickyPayload = "<img src=x onerror=\"window.__xss=4\"><script>window.__xss=5</script>";
    private const string TextPayload = "<svg onload=\"window.__xss=6\"></svg><iframe src=\"javascript:window.__xss=7\"></iframe>";
    private const string GoalPayload = "<img src=x onerror=window.__xss=8><b onmouseover=window.__xss=9>goal</b>";

    [Fact]
    public async Task PayloadsInNamesNotesTextsAndGoalsAreShownAsTextAndNeverRun()
    {
        await using var host = await StudyRoomsHost.StartAsync();

        // A hostile user puts payloads everywhere the server lets them write text.
        var evil = await host.SignInAsync(NamePayload);
        var roomId = (await host.CreateRoomAsync(evil, RoomPayload, "topic")).RoomId;
        await using var evilClient = await RoomClient.ConnectAsync(host, evil);
        await evilClient.JoinAsync(roomId);
        await evilClient.PushAsync(
            roomId,
            Element(evilClient, "sticky", new ElementProps { X = 40, Y = 40, Width = 220, Height = 160, Text = StickyPayload, FontSize = 20, FillColor = "#ffec99" }),
            Element(evilClient, "text", new ElementProps { X = 320, Y = 60, Width = 300, Height = 40, Text = TextPayload, FontSize = 20, StrokeColor = "#1e1e1e" }));
        await evilClient.Connection.InvokeAsync<SprintSnapshot>("StartSprint", new StartSprintRequest { RoomId = roomId, Preset = "25/5", Goal = GoalPayload });

        var ada = await browser.NewPersonAsync();
        var dialogs = new List<string>();
        ada.Dialog += (_, dialog) => dialogs.Add(dialog.Message);
        await ada.GotoAsync(new Uri(host.BaseAddress, $"/r/{roomId}").ToString());
        await ada.GetByTestId("display-name-input").FillAsync("Ada");
        await ada.GetByTestId("display-name-submit").ClickAsync();
        await Assertions.Expect(ada.GetByTestId("connection-status")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 30_000 });

        // Each payload is on the page as the text it is.
        await Assertions.Expect(ada.GetByTestId("room-title")).ToHaveTextAsync(RoomPayload);
        await Assertions.Expect(ada.Locator($"[data-testid='participant'][data-user-id='{evil.UserId}']")).ToContainTextAsync(NamePayload);
        await Assertions.Expect(ada.GetByTestId("sprint-participant-goal")).ToContainTextAsync(GoalPayload);
        var board = new WhiteboardPage(ada);
        await board.WaitForModelAsync("els.length === 2");
        var texts = (await board.ElementsAsync()).Select(e => e.GetProperty("props").GetProperty("text").GetString()).Order().ToArray();
        Assert.Equal(new[] { StickyPayload, TextPayload }.Order().ToArray(), texts);
        await ada.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("injection-room") });
        await AssertNothingRanAsync(ada, dialogs);

        // The lobby lists the room under its payload name, as text too.
        await ada.GotoAsync(host.BaseAddress.ToString());
        await Assertions.Expect(ada.GetByTestId("my-room-link")).ToContainTextAsync(RoomPayload, new() { Timeout = 15_000 });
        await AssertNothingRanAsync(ada, dialogs);
        await ada.Context.CloseAsync();
    }

    private static ElementOp Element(RoomClient client, string type, ElementProps props) => new()
    {
        Kind = ElementOpKind.Create,
        ElementId = "e_" + Guid.NewGuid().ToString("N")[..16],
        ClientSeq = client.NextSeq(),
        Type = type,
        Props = props,
    };

    /// <summary>No payload became markup (no element carries an event handler or came from one), none ran.</summary>
    private static async Task AssertNothingRanAsync(IPage page, List<string> dialogs)
    {
        Assert.Equal(0, await page.Locator("img[src='x'], iframe, svg[onload], [onerror], [onload], [onmouseover], script:not([src])").CountAsync());
        Assert.Empty(dialogs);
        Assert.Null(await page.EvaluateAsync<int?>("() => window.__xss ?? null"));
    }
}
