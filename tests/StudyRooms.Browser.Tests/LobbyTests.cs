using System.Net.Http.Json;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using StudyRooms.Contracts.Invites;
using StudyRooms.Contracts.Rooms;
using StudyRooms.Testing;
using Xunit.Abstractions;

namespace StudyRooms.Browser.Tests;

// Proves the lobby in a real browser: the directory lists a public room someone else created, search
// and tag chips find it and a click joins it, "Your rooms" lists it afterwards; a pasted room link, a
// pasted invite link of a private room and an invite link opened by a new user all lead into the
// room, with clear errors for bad ones; and axe-core finds no serious or critical violation on the
// name prompt, the lobby and the room screen, at desktop width and at 360 px (P-DIR-1, P-DIR-2, P-LOBBY-1, P-INV-2).
[Collection(BrowserCollection.Name)]
public sealed class LobbyTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    public async Task TheDirectoryFindsAnotherUsersPublicRoomBySearchAndTagAndAClickJoinsIt()
    {
        await using var host = await StudyRoomsHost.StartAsync();
        var owner = await host.SignInAsync("Owner");
        var chemistry = await CreateRoomAsync(host, owner, new CreateRoomRequest { Name = "Organic chemistry", Topic = "Reactions", IsPublic = true, Tags = ["chemistry", "exam"] });
        await CreateRoomAsync(host, owner, new CreateRoomRequest { Name = "Poetry circle", IsPublic = true, Tags = ["poetry"] });
        await CreateRoomAsync(host, owner, new CreateRoomRequest { Name = "Unlisted chemistry" });

        var ada = await browser.NewPersonAsync();
        await ada.GotoAsync(host.BaseAddress.ToString());
        await EnterNameAsync(ada, "Ada");
        var rooms = ada.GetByTestId("directory-room");
        await Assertions.Expect(rooms).ToHaveCountAsync(2);
        await Assertions.Expect(ada.GetByTestId("my-rooms-status")).ToHaveAttributeAsync("data-state", "ready");
        await Assertions.Expect(ada.GetByTestId("my-room")).ToHaveCountAsync(0);

        // Search by name: only the public chemistry room (the unlisted one is never listed).
        await ada.GetByTestId("directory-search").FillAsync("chem");
        await Assertions.Expect(rooms).ToHaveCountAsync(1);
        await Assertions.Expect(rooms.First).ToHaveAttributeAsync("data-room-id", chemistry.RoomId);

        // Tag chips come from the listed rooms; a chip filters and a second click clears it.
        await ada.GetByTestId("directory-search").FillAsync("");
        await Assertions.Expect(rooms).ToHaveCountAsync(2);
        var poetry = ada.Locator("[data-testid='directory-tag'][data-tag='poetry']");
        await poetry.ClickAsync();
        await Assertions.Expect(poetry).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(rooms).ToHaveCountAsync(1);
        await Assertions.Expect(rooms.First).ToContainTextAsync("Poetry circle");
        await ada.Locator("[data-testid='directory-tag'][data-tag='chemistry']").ClickAsync();
        await Assertions.Expect(rooms).ToHaveCountAsync(1);
        await Assertions.Expect(rooms.First).ToContainTextAsync("Organic chemistry");
        await ada.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("lobby-directory"), FullPage = true });

        // A click joins it.
        await rooms.First.GetByTestId("directory-join").ClickAsync();
        await Assertions.Expect(ada.GetByTestId("room-title")).ToContainTextAsync("Organic chemistry");
        Assert.EndsWith($"/r/{chemistry.RoomId}", ada.Url, StringComparison.Ordinal);
        await WaitLiveAsync(ada);

        // Back in the lobby, "Your rooms" lists the visited room with Ada present... or just left.
        await ada.GetByRole(AriaRole.Link, new() { Name = "StudyRooms home" }).ClickAsync();
        var mine = ada.GetByTestId("my-room");
        await Assertions.Expect(mine).ToHaveCountAsync(1);
        await Assertions.Expect(mine.First).ToHaveAttributeAsync("data-room-id", chemistry.RoomId);
        await Assertions.Expect(mine.First.GetByTestId("my-room-link")).ToHaveTextAsync("Organic chemistry");

        // Forgetting takes it off the list (and it stays off after a reload).
        await mine.First.GetByTestId("my-room-forget").ClickAsync();
        await Assertions.Expect(mine).ToHaveCountAsync(0);
        await ada.ReloadAsync();
        await Assertions.Expect(ada.GetByTestId("my-rooms-status")).ToHaveAttributeAsync("data-state", "ready");
        await Assertions.Expect(mine).ToHaveCountAsync(0);
        await ada.Context.CloseAsync();
    }

    [Fact]
    public async Task PastingARoomLinkOrAnInviteLinkOpensTheRoomAndBadLinksAreExplained()
    {
        await using var host = await StudyRoomsHost.StartAsync();
        var owner = await host.SignInAsync("Owner");
        var open = await CreateRoomAsync(host, owner, new CreateRoomRequest { Name = "Linear algebra" });
        var secret = await CreateRoomAsync(host, owner, new CreateRoomRequest { Name = "Thesis group", InviteOnly = true });
        var invite = await CreateInviteAsync(host, owner, secret.RoomId);
        var revoked = await CreateInviteAsync(host, owner, secret.RoomId);
        using (var http = host.CreateHttpClient(owner))
        {
            (await http.DeleteAsync($"/api/rooms/{secret.RoomId}/invites/{revoked.Code}")).EnsureSuccessStatusCode();
        }

        var origin = host.BaseAddress.ToString().TrimEnd('/');
        var ada = await browser.NewPersonAsync();
        await ada.GotoAsync(origin);
        await EnterNameAsync(ada, "Ada");
        var error = ada.GetByTestId("join-error");

        await PasteAsync(ada, "calculus");
        await Assertions.Expect(error).ToContainTextAsync("not a room link");
        await PasteAsync(ada, $"{origin}/r/{RoomsApiNewId()}");
        await Assertions.Expect(error).ToContainTextAsync("does not exist");
        // A private room's link is as unknown as a missing room to someone without an invite (P-INV-4).
        await PasteAsync(ada, $"{origin}/r/{secret.RoomId}");
        await Assertions.Expect(error).ToContainTextAsync("does not exist");
        await PasteAsync(ada, $"{origin}/i/{revoked.Code}");
        await Assertions.Expect(error).ToContainTextAsync("revoked, expired or used up");
        Assert.EndsWith("/", ada.Url, StringComparison.Ordinal);

        await PasteAsync(ada, $"{origin}/r/{open.RoomId}");
        await Assertions.Expect(ada.GetByTestId("room-title")).ToContainTextAsync("Linear algebra");
        await WaitLiveAsync(ada);

        await ada.GetByRole(AriaRole.Link, new() { Name = "StudyRooms home" }).ClickAsync();
        await PasteAsync(ada, $"{origin}{invite.Link}");
        await Assertions.Expect(ada.GetByTestId("room-title")).ToContainTextAsync("Thesis group");
        Assert.EndsWith($"/r/{secret.RoomId}", ada.Url, StringComparison.Ordinal);
        await WaitLiveAsync(ada);
        await ada.Context.CloseAsync();
    }

    [Fact]
    public async Task ANewUserOpeningAnInviteLinkGivesANameAndLandsInThePrivateRoom()
    {
        await using var host = await StudyRoomsHost.StartAsync();
        var owner = await host.SignInAsync("Owner");
        var secret = await CreateRoomAsync(host, owner, new CreateRoomRequest { Name = "Thesis group", InviteOnly = true });
        var invite = await CreateInviteAsync(host, owner, secret.RoomId);

        var bob = await browser.NewPersonAsync();
        await bob.GotoAsync(new Uri(host.BaseAddress, invite.Link).ToString());
        await EnterNameAsync(bob, "Bob");

        await Assertions.Expect(bob.GetByTestId("room-title")).ToContainTextAsync("Thesis group");
        await WaitLiveAsync(bob);
        Assert.EndsWith($"/r/{secret.RoomId}", bob.Url, StringComparison.Ordinal);

        // The invite link is replaced in the history: going back does not land on it again.
        await bob.GoBackAsync();
        Assert.DoesNotContain("/i/", bob.Url, StringComparison.Ordinal);

        // A bad invite link opened directly says so and offers the lobby.
        await bob.GotoAsync(new Uri(host.BaseAddress, $"/i/{secret.RoomId}{RoomsApiNewId()}").ToString());
        await Assertions.Expect(bob.GetByTestId("invite-status")).ToHaveAttributeAsync("data-state", "failed");
        await Assertions.Expect(bob.GetByTestId("invite-status")).ToContainTextAsync("revoked, expired or used up");
        await bob.GetByTestId("invite-to-lobby").ClickAsync();
        await Assertions.Expect(bob.GetByTestId("my-room")).ToHaveCountAsync(1);
        await bob.Context.CloseAsync();
    }

    [Fact]
    public async Task TheNamePromptAndTheLobbyHaveNoSeriousOrCriticalAccessibilityViolations()
    {
        await using var host = await StudyRoomsHost.StartAsync();
        var owner = await host.SignInAsync("Owner");
        var room = await CreateRoomAsync(host, owner, new CreateRoomRequest { Name = "Statistics", Topic = "Bayes", IsPublic = true, Tags = ["math"] });

        foreach (var width in new[] { 1280, 360 })
        {
            var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = 800 } });
            var page = await context.NewPageAsync();
            page.SetDefaultTimeout(15_000);
            await page.GotoAsync(host.BaseAddress.ToString());
            await Assertions.Expect(page.GetByTestId("display-name-input")).ToBeVisibleAsync();
            await AssertAccessibleAsync(page, $"name prompt at {width} px");

            await EnterNameAsync(page, "Ada");
            // Signed in (the lobby is up) before leaving, or the room opens on the name prompt again.
            await Assertions.Expect(page.GetByTestId("lobby")).ToBeVisibleAsync();
            await page.GotoAsync(new Uri(host.BaseAddress, room.Link).ToString());
            await WaitLiveAsync(page);
            // The room screen too (it was clean of serious and critical findings when this was written).
            await AssertAccessibleAsync(page, $"room at {width} px");
            await page.GetByRole(AriaRole.Link, new() { Name = "StudyRooms home" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("my-room")).ToHaveCountAsync(1);
            await Assertions.Expect(page.GetByTestId("directory-room")).ToHaveCountAsync(1);
            await AssertAccessibleAsync(page, $"lobby at {width} px");

            // Nothing is wider than the screen: no sideways scrolling on a phone.
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(overflow <= 0, $"the lobby at {width} px scrolls sideways by {overflow} px");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath($"lobby-{width}"), FullPage = true });
            await context.CloseAsync();
        }
    }

    private async Task AssertAccessibleAsync(IPage page, string where)
    {
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToArray();
        foreach (var violation in result.Violations)
        {
            output.WriteLine($"{where}: {violation.Impact} {violation.Id}: {violation.Help} at {string.Join(", ", violation.Nodes.Select(n => n.Target?.ToString()))}");
        }

        Assert.True(serious.Length == 0, $"{where}: " + string.Join("; ", serious.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Html))}")));
    }

    private static async Task PasteAsync(IPage page, string text)
    {
        await page.GetByTestId("join-input").FillAsync(text);
        await page.GetByTestId("join-submit").ClickAsync();
    }

    private static async Task<RoomSnapshot> CreateRoomAsync(StudyRoomsHost host, TestUser owner, CreateRoomRequest request)
    {
        using var http = host.CreateHttpClient(owner);
        var response = await http.PostAsJsonAsync("/api/rooms", request, ServerClient.Json);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<RoomSnapshot>(ServerClient.Json))!;
    }

    private static async Task<InviteInfo> CreateInviteAsync(StudyRoomsHost host, TestUser owner, string roomId)
    {
        using var http = host.CreateHttpClient(owner);
        var response = await http.PostAsJsonAsync($"/api/rooms/{roomId}/invites", new CreateInviteRequest(), ServerClient.Json);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<InviteInfo>(ServerClient.Json))!;
    }

    private static string RoomsApiNewId() => StudyRooms.Server.Endpoints.RoomsApi.NewRoomId();

    private static async Task EnterNameAsync(IPage page, string name)
    {
        await page.GetByTestId("display-name-input").FillAsync(name);
        await page.GetByTestId("display-name-submit").ClickAsync();
    }

    private static Task WaitLiveAsync(IPage page) =>
        Assertions.Expect(page.GetByTestId("connection-status")).ToHaveAttributeAsync("data-state", "live");
}
