using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using StudyRooms.Contracts.Accounts;
using StudyRooms.Testing;

namespace StudyRooms.Browser.Tests;

// Proves "Delete my account" in the lobby (P-ACCT-4) through the real server: the dialog says what
// is erased and stays disabled until the display name and the account's username are typed; a
// failed request is explained in the dialog and changes nothing; a deletion signs the user out to
// the name prompt with a notice, and this browser keeps no session, name or queued offline edit,
// while the server refuses the old token and the password.
[Collection(BrowserCollection.Name)]
public sealed class AccountDeletionTests(BrowserFixture browser)
{
    private const string Password = "correct horse battery";

    [Fact]
    public async Task APasswordAccountTypesNameAndUsernameIsExplainedAFailureAndOnDeletionIsForgottenHere_P_ACCT_4()
    {
        await using var proxy = new LoopbackProxy();
        await using var host = await StudyRoomsHost.StartAsync();
        proxy.ForwardTo(host.BaseAddress);
        var username = "zq_" + Guid.NewGuid().ToString("N")[..8];
        var page = await browser.NewPersonAsync();
        await page.GotoAsync(proxy.Address.ToString());
        await page.GetByTestId("account-mode-register").ClickAsync();
        await page.GetByTestId("display-name-input").FillAsync("Zed Quill");
        await page.GetByTestId("username-input").FillAsync(username);
        await page.GetByTestId("password-input").FillAsync(Password);
        await page.GetByTestId("display-name-submit").ClickAsync();
        await page.GetByTestId("room-name-input").FillAsync("Zed's notes");
        await page.GetByTestId("create-room-submit").ClickAsync();
        var room = new WhiteboardPage(page);
        await room.WaitLiveAsync();

        // An edit made while the hub is out of reach stays queued in this browser.
        await page.RouteAsync("**/hubs/room/negotiate**", route => route.AbortAsync());
        proxy.DropAll();
        await Assertions.Expect(page.GetByTestId("connection-status")).Not.ToHaveAttributeAsync("data-state", "live");
        await room.ToolAsync("rectangle");
        await room.DragAsync(200, 150, 320, 230);
        await Assertions.Expect(page.GetByTestId("save-status")).ToHaveTextAsync("offline, 1 unsent");
        await page.GotoAsync(proxy.Address.ToString());
        await Assertions.Expect(page.GetByTestId("my-rooms-status")).ToHaveAttributeAsync("data-state", "ready");
        await Poll.UntilAsync(async () => (await QueuedEditKeysAsync(page)).Length > 0, "the offline edit is queued in IndexedDB");
        var token = await page.EvaluateAsync<string>("() => JSON.parse(localStorage.getItem('studyrooms.session.v1')).token");

        // The dialog: what goes, then the name and the username typed exactly.
        await page.GetByTestId("account-delete").ClickAsync();
        var dialog = page.GetByTestId("account-delete-dialog");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await Assertions.Expect(dialog).ToContainTextAsync("your study stats");
        await Assertions.Expect(page.GetByTestId("account-delete-name")).ToBeFocusedAsync();
        var confirm = page.GetByTestId("account-delete-confirm");
        await page.GetByTestId("account-delete-name").FillAsync("zed quill");
        await Assertions.Expect(confirm).ToBeDisabledAsync();
        await page.GetByTestId("account-delete-name").FillAsync("Zed Quill");
        await Assertions.Expect(confirm).ToBeDisabledAsync();
        await page.GetByTestId("account-delete-username").FillAsync(username.ToUpperInvariant());
        await Assertions.Expect(confirm).ToBeEnabledAsync();

        // The server cannot be reached: the dialog says so, and nothing is forgotten.
        await page.Context.SetOfflineAsync(true);
        await confirm.ClickAsync();
        await Assertions.Expect(page.GetByTestId("account-delete-error")).ToContainTextAsync("Your account was not deleted");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("account-delete-failed") });
        Assert.NotNull(await page.EvaluateAsync<string?>("() => localStorage.getItem('studyrooms.session.v1')"));
        using (var http = host.CreateHttpClient(new TestUser("", "", token)))
        {
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/me/rooms")).StatusCode);
        }

        // Back online, the same click deletes the account: the name prompt, with nothing of Zed left here.
        await page.Context.SetOfflineAsync(false);
        await Assertions.Expect(confirm).ToBeEnabledAsync();
        await confirm.ClickAsync();
        await Assertions.Expect(page.GetByTestId("display-name-input")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".notice-text")).ToContainTextAsync("Your account was deleted");
        await Assertions.Expect(page.GetByTestId("display-name-input")).ToHaveValueAsync("");
        Assert.Null(await page.EvaluateAsync<string?>("() => localStorage.getItem('studyrooms.session.v1')"));
        Assert.Null(await page.EvaluateAsync<string?>("() => localStorage.getItem('studyrooms.displayName.v1')"));
        await Poll.UntilAsync(async () => (await QueuedEditKeysAsync(page)).Length == 0, "no queued edit is left in IndexedDB");

        using (var http = host.CreateHttpClient(new TestUser("", "", token)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/me/rooms")).StatusCode);
        }

        using (var anonymous = host.CreateHttpClient())
        {
            var signIn = await anonymous.PostAsJsonAsync("/api/sessions/password", new PasswordSignInRequest { Username = username, Password = Password }, ServerClient.Json);
            Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);
        }

        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AGuestTypesOnlyTheDisplayNameAndCancelLeavesEverything_P_ACCT_4()
    {
        await using var host = await StudyRoomsHost.StartAsync();
        var page = await browser.NewPersonAsync();
        await page.GotoAsync(host.BaseAddress.ToString());
        await page.GetByTestId("display-name-input").FillAsync("Ada");
        await page.GetByTestId("display-name-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("my-rooms-status")).ToHaveAttributeAsync("data-state", "ready");

        await page.GetByTestId("account-delete").ClickAsync();
        await Assertions.Expect(page.GetByTestId("account-delete-username")).ToHaveCountAsync(0);
        await page.GetByTestId("account-delete-name").FillAsync("Ada");
        await Assertions.Expect(page.GetByTestId("account-delete-confirm")).ToBeEnabledAsync();
        await page.GetByTestId("account-delete-cancel").ClickAsync();
        await Assertions.Expect(page.GetByTestId("account-delete-dialog")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByTestId("lobby")).ToBeVisibleAsync();

        await page.GetByTestId("account-delete").ClickAsync();
        await page.GetByTestId("account-delete-name").FillAsync(" Ada ");
        await page.GetByTestId("account-delete-confirm").ClickAsync();
        await Assertions.Expect(page.Locator(".notice-text")).ToContainTextAsync("Your account was deleted");
        await page.Context.CloseAsync();
    }

    /// <summary>Keys of queued edits in the page's IndexedDB mirror (web/src/sync/idbStorage.ts).</summary>
    private static async Task<string[]> QueuedEditKeysAsync(IPage page)
    {
        var keys = await page.EvaluateAsync<JsonElement>(
            """
            () => new Promise((resolve, reject) => {
              const open = indexedDB.open('studyrooms');
              open.onerror = () => reject(open.error);
              open.onsuccess = () => {
                const db = open.result;
                if (!db.objectStoreNames.contains('kv')) { db.close(); resolve([]); return; }
                const all = db.transaction('kv', 'readonly').objectStore('kv').getAllKeys();
                all.onerror = () => reject(all.error);
                all.onsuccess = () => { db.close(); resolve(all.result.map(String)); };
              };
            })
            """);
        return [.. keys.EnumerateArray().Select(k => k.GetString()!).Where(k => k.StartsWith("studyrooms.pending.v1.", StringComparison.Ordinal))];
    }
}
