using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;
using StudyRooms.Contracts.Help;
using StudyRooms.Contracts.Rooms;
using StudyRooms.Testing;

namespace StudyRooms.Browser.Tests;

// Proves the people panel in a real browser: a member raises a hand with a note and sees their place;
// a mentor sees the queue, takes and resolves it and the member sees it go (P-HAND-1..3); a hidden
// tab shows as away to the others and active again when shown (P-STATUS-1..3); a mentor removes a
// member with the keyboard menu and the member is told so (P-MOD-1); bans placed and lifted by another
// moderator show in an open ban list without a reload (P-MOD-10, P-MOD-11). The owner is a .NET client that
// makes the mentor through the hub (SetRole, P-ROLE-2).
[Collection(BrowserCollection.Name)]
public sealed class PeoplePanelTests(BrowserFixture browser)
{
    [Fact]
    public async Task AMemberRaisesAHandTheMentorTakesAndResolvesItAndAHiddenTabShowsAway()
    {
        await using var host = await StudyRoomsHost.StartAsync();
        var (roomUrl, roomId, owner) = await RoomWithOwnerAsync(host);
        await using var _ = owner;
        var mia = await OpenAsync(roomUrl, "Mia");
        await MakeMentorAsync(owner, roomId, "Mia");
        await Assertions.Expect(Row(mia, "Mia")).ToHaveAttributeAsync("data-role", "mentor");
        var bob = await OpenAsync(roomUrl, "Bob");

        // The owner asks first, so Bob is second in the queue.
        await owner.Connection.InvokeAsync<HelpRequest[]>("RaiseHand", new RaiseHandRequest { RoomId = roomId, Note = "owner question" });
        await Assertions.Expect(bob.GetByTestId("hand-request")).ToHaveCountAsync(1);
        await bob.GetByTestId("hand-note").FillAsync("stuck on exercise 3");
        await bob.GetByTestId("hand-raise").ClickAsync();
        await Assertions.Expect(bob.GetByTestId("hand-place")).ToHaveAttributeAsync("data-place", "2");
        await Assertions.Expect(bob.GetByTestId("hand-place")).ToContainTextAsync("you are 2nd in the queue");
        await Assertions.Expect(bob.GetByTestId("hand-raise")).ToBeHiddenAsync();

        // Mia sees the queue in order with the note, and Bob's hand in the list.
        var bobsRequest = mia.GetByTestId("hand-request").Filter(new() { HasText = "Bob" });
        await Assertions.Expect(mia.GetByTestId("hand-request")).ToHaveCountAsync(2);
        await Assertions.Expect(mia.GetByTestId("hand-request").Nth(1)).ToHaveAttributeAsync("data-user-id", await Row(bob, "Bob").GetAttributeAsync("data-user-id") ?? "");
        await Assertions.Expect(bobsRequest.GetByTestId("hand-request-note")).ToHaveTextAsync("stuck on exercise 3");
        await Assertions.Expect(Row(mia, "Bob").GetByTestId("participant-hand")).ToBeVisibleAsync();
        await Assertions.Expect(Row(mia, "Bob").GetByTestId("participant-hand")).ToHaveAttributeAsync("aria-label", "hand raised, 2nd in the queue");

        await bobsRequest.GetByTestId("hand-take").ClickAsync();
        await Assertions.Expect(bob.GetByTestId("hand-place")).ToContainTextAsync("Mia is helping you.");
        await Assertions.Expect(bob.GetByTestId("hand-request").Filter(new() { HasText = "Bob" })).ToHaveAttributeAsync("data-taken", "true");
        await mia.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("people-mentor-queue") });
        await bobsRequest.GetByTestId("hand-resolve").ClickAsync();
        await Assertions.Expect(bob.GetByTestId("hand-place")).ToBeHiddenAsync();
        await Assertions.Expect(bob.GetByTestId("hand-raise")).ToBeVisibleAsync();
        await Assertions.Expect(bob.GetByTestId("hand-request")).ToHaveCountAsync(1);
        await Assertions.Expect(Row(mia, "Bob").GetByTestId("participant-hand")).ToBeHiddenAsync();

        // Bob's tab goes hidden: Mia sees him away (dot and text), then active when it is shown again.
        // The page cannot really be hidden in headless Chromium, so the test overrides
        // document.visibilityState and dispatches the visibilitychange event the client listens to.
        await Assertions.Expect(Row(mia, "Bob")).ToHaveAttributeAsync("data-status", "active");
        await bob.SetTabHiddenAsync(true);
        await Assertions.Expect(Row(mia, "Bob")).ToHaveAttributeAsync("data-status", "away");
        await Assertions.Expect(Row(mia, "Bob").GetByTestId("participant-status")).ToHaveTextAsync("away");
        await bob.SetTabHiddenAsync(false);
        await Assertions.Expect(Row(mia, "Bob")).ToHaveAttributeAsync("data-status", "active");
        await Assertions.Expect(Row(mia, "Bob").GetByTestId("participant-status")).ToHaveTextAsync("active");
        await Assertions.Expect(Row(bob, "Bob").GetByTestId("participant-status")).ToHaveTextAsync("active");

        await mia.Context.CloseAsync();
        await bob.Context.CloseAsync();
    }

    [Fact]
    public async Task AMentorRemovesAMemberWithTheKeyboardMenuAndTheMemberIsToldSo()
    {
        await using var host = await StudyRoomsHost.StartAsync();
        var (roomUrl, roomId, owner) = await RoomWithOwnerAsync(host);
        await using var _ = owner;
        var mia = await OpenAsync(roomUrl, "Mia");
        await MakeMentorAsync(owner, roomId, "Mia");
        var bob = await OpenAsync(roomUrl, "Bob");
        await Assertions.Expect(Row(mia, "Mia")).ToHaveAttributeAsync("data-role", "mentor");

        // Members get no menu; the owner's row has none for a mentor either.
        await Assertions.Expect(bob.GetByTestId("participant-menu-button").Locator("visible=true")).ToHaveCountAsync(0);
        await Assertions.Expect(Row(mia, "Owner").GetByTestId("participant-menu-button")).ToBeHiddenAsync();
        await Assertions.Expect(bob.GetByTestId("ban-list")).ToBeHiddenAsync(); // the ban list is for moderators (P-MOD-9)

        // Mia makes the room read-only: Bob (no switch of his own) is told.
        await Assertions.Expect(bob.GetByTestId("read-only-toggle")).ToBeHiddenAsync();
        await Assertions.Expect(bob.GetByTestId("read-only-note")).ToBeHiddenAsync();
        await mia.GetByTestId("read-only-toggle").CheckAsync();
        await Assertions.Expect(bob.GetByTestId("read-only-note")).ToBeVisibleAsync();
        await Assertions.Expect(bob.GetByTestId("people-panel")).ToHaveAttributeAsync("data-read-only", "true");

        var menuButton = Row(mia, "Bob").GetByTestId("participant-menu-button");
        await menuButton.FocusAsync();
        await mia.Keyboard.PressAsync("Enter");
        var menu = Row(mia, "Bob").GetByTestId("participant-menu");
        await Assertions.Expect(menu).ToBeVisibleAsync();
        await Assertions.Expect(menuButton).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(menu.GetByTestId("menu-mute")).ToBeFocusedAsync();
        await Assertions.Expect(menu.GetByTestId("menu-make-mentor")).ToHaveCountAsync(0);
        await mia.Keyboard.PressAsync("ArrowDown");
        await mia.Keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(menu.GetByTestId("menu-remove")).ToBeFocusedAsync();
        await mia.Keyboard.PressAsync("Enter");

        var removed = bob.GetByTestId("removed-screen");
        await Assertions.Expect(removed).ToBeVisibleAsync();
        await Assertions.Expect(removed).ToHaveAttributeAsync("data-banned", "false");
        await Assertions.Expect(removed).ToContainTextAsync("You were removed from this room");
        await Assertions.Expect(removed).ToContainTextAsync("Mia removed you");
        await Assertions.Expect(mia.GetByTestId("participant").Filter(new() { HasText = "Bob" })).ToHaveCountAsync(0);
        await Assertions.Expect(mia.GetByTestId("toast").Filter(new() { HasText = "Bob was removed." })).ToHaveCountAsync(1);
        await bob.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("people-removed") });

        // Bob joins again; a ban needs a confirm step, and a banned user's next visit is told so too.
        await removed.GetByTestId("gone-rejoin").ClickAsync();
        await Assertions.Expect(bob.GetByTestId("connection-status")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 30_000 });
        await Row(mia, "Bob").GetByTestId("participant-menu-button").ClickAsync();
        await Row(mia, "Bob").GetByTestId("menu-ban").ClickAsync();
        await Assertions.Expect(mia.GetByTestId("ban-dialog")).ToBeVisibleAsync();
        await Assertions.Expect(mia.GetByTestId("ban-dialog")).ToContainTextAsync("Ban Bob?");
        await mia.GetByTestId("ban-cancel").ClickAsync();
        await Assertions.Expect(Row(mia, "Bob")).ToHaveCountAsync(1);
        await Row(mia, "Bob").GetByTestId("participant-menu-button").ClickAsync();
        await Row(mia, "Bob").GetByTestId("menu-ban").ClickAsync();
        await mia.GetByTestId("ban-confirm").ClickAsync();
        await Assertions.Expect(bob.GetByTestId("removed-screen")).ToHaveAttributeAsync("data-banned", "true");
        await Assertions.Expect(bob.GetByTestId("removed-screen")).ToContainTextAsync("Mia banned you");
        await Assertions.Expect(bob.GetByTestId("gone-rejoin")).ToBeHiddenAsync();
        await bob.ReloadAsync();
        await Assertions.Expect(bob.GetByTestId("removed-screen")).ToHaveAttributeAsync("data-banned", "true");
        await Assertions.Expect(bob.GetByTestId("removed-screen")).ToContainTextAsync("You were banned from this room");

        // The owner also bans someone who is not here (P-MOD-2), from their own connection.
        await owner.Connection.InvokeAsync("RemoveParticipant", new RemoveParticipantRequest { RoomId = roomId, UserId = "u_absent", Ban = true });

        // Mia finds Bob in the ban list and lifts the ban (P-MOD-9, P-MOD-3); Bob can come back.
        var bans = mia.GetByTestId("ban-list");
        await Assertions.Expect(bans).ToBeVisibleAsync();
        await bans.GetByTestId("ban-list-toggle").ClickAsync();
        var bobsBan = bans.GetByTestId("ban-entry").Filter(new() { HasText = "Bob" });
        await Assertions.Expect(bobsBan).ToHaveCountAsync(1);
        await Assertions.Expect(bobsBan.Locator("time")).ToContainTextAsync("banned");
        await Assertions.Expect(bans.GetByTestId("ban-entry")).ToHaveCountAsync(2);

        // The owner lifts the other ban elsewhere: it leaves Mia's open list without a reload (P-MOD-10).
        await owner.Connection.InvokeAsync("UnbanUser", new UnbanUserRequest { RoomId = roomId, UserId = "u_absent" });
        await Assertions.Expect(bans.Locator("[data-user-id='u_absent']")).ToHaveCountAsync(0);
        await Assertions.Expect(bans.GetByTestId("ban-entry")).ToHaveCountAsync(1);

        // A ban the owner places elsewhere, of a user who is not here, appears in Mia's open list (P-MOD-11).
        await owner.Connection.InvokeAsync("RemoveParticipant", new RemoveParticipantRequest { RoomId = roomId, UserId = "u_absent", Ban = true });
        await Assertions.Expect(bans.Locator("[data-user-id='u_absent']")).ToHaveCountAsync(1);
        await owner.Connection.InvokeAsync("UnbanUser", new UnbanUserRequest { RoomId = roomId, UserId = "u_absent" });
        await Assertions.Expect(bans.Locator("[data-user-id='u_absent']")).ToHaveCountAsync(0);
        await Assertions.Expect(bans.GetByTestId("ban-entry")).ToHaveCountAsync(1);
        await mia.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("people-ban-list") });
        await bobsBan.GetByRole(AriaRole.Button, new() { Name = "Unban Bob" }).ClickAsync();
        await Assertions.Expect(mia.GetByTestId("toast").Filter(new() { HasText = "Bob may join the room again." })).ToHaveCountAsync(1);
        await Assertions.Expect(bans.GetByTestId("ban-entry")).ToHaveCountAsync(0);
        await Assertions.Expect(bans).ToContainTextAsync("Nobody is banned.");
        await bob.ReloadAsync();
        await Assertions.Expect(bob.GetByTestId("connection-status")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 30_000 });
        await Assertions.Expect(Row(mia, "Bob")).ToHaveCountAsync(1);

        await mia.Context.CloseAsync();
        await bob.Context.CloseAsync();
    }

    private static ILocator Row(IPage page, string name) =>
        page.GetByTestId("participant").Filter(new() { Has = page.Locator(".participant-name", new() { HasTextRegex = new System.Text.RegularExpressions.Regex($"^{name}$") }) });

    private static async Task<(string RoomUrl, string RoomId, RoomClient Owner)> RoomWithOwnerAsync(StudyRoomsHost host)
    {
        var user = await host.SignInAsync("Owner");
        var roomId = (await host.CreateRoomAsync(user, "People")).RoomId;
        var owner = await RoomClient.ConnectAsync(host, user);
        await owner.JoinAsync(roomId);
        return (new Uri(host.BaseAddress, $"/r/{roomId}").ToString(), roomId, owner);
    }

    /// <summary>The owner gives the browser user with this name the mentor role (P-ROLE-2).</summary>
    private static async Task MakeMentorAsync(RoomClient owner, string roomId, string name)
    {
        await Poll.UntilAsync(() => owner.ParticipantJoined.Any(e => e.Participant.DisplayName == name), $"{name} joins");
        var userId = owner.ParticipantJoined.First(e => e.Participant.DisplayName == name).Participant.UserId;
        await owner.Connection.InvokeAsync("SetRole", new SetRoleRequest { RoomId = roomId, UserId = userId, Role = RoomRole.Mentor });
    }

    private async Task<IPage> OpenAsync(string url, string name)
    {
        var page = await browser.NewPersonAsync();
        await page.GotoAsync(url);
        await page.GetByTestId("display-name-input").FillAsync(name);
        await page.GetByTestId("display-name-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("connection-status")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 30_000 });
        await page.OpenPanelAsync("people");
        return page;
    }
}
