using Microsoft.Playwright;
using StudyRooms.Testing;

namespace StudyRooms.Browser.Tests;

// Proves the chat in a real browser: two people chat live; markup, script and javascript: links
// render as plain text and are stored exactly as written, while an https link becomes a safe link
// (P-CHAT-10); a mention highlights the message and notifies the mentioned user (P-CHAT-9); a
// thread reply and a reaction reach the other person (P-CHAT-5, P-CHAT-8).
[Collection(BrowserCollection.Name)]
public sealed class ChatTests(BrowserFixture browser)
{
    private const string Payload = "<img src=x onerror=\"window.__xss=1\"> <script>window.__xss=2</script> [click](javascript:window.__xss=3) javascript:window.__xss=4 see https://example.org/notes?a=1&b=2.";

    [Fact]
    public async Task TwoPeopleChatMarkupStaysTextAndAMentionHighlights()
    {
        await using var host = await StudyRoomsHost.StartAsync();
        var ada = await browser.NewPersonAsync();
        var dialogs = new List<string>();
        ada.Dialog += (_, dialog) => dialogs.Add(dialog.Message);
        await ada.GotoAsync(host.BaseAddress.ToString());
        await EnterNameAsync(ada, "Ada");
        await ada.GetByTestId("room-name-input").FillAsync("Chemistry");
        await ada.GetByTestId("create-room-submit").ClickAsync();
        await WaitLiveAsync(ada);
        var link = (await ada.GetByTestId("room-link").TextContentAsync())!.Trim();
        var roomId = new Uri(link).AbsolutePath.Split('/')[^1];

        var bob = await browser.NewPersonAsync();
        bob.Dialog += (_, dialog) => dialogs.Add(dialog.Message);
        await bob.GotoAsync(link);
        await EnterNameAsync(bob, "Bob");
        await WaitLiveAsync(bob);
        await Assertions.Expect(ada.GetByTestId("participant").Filter(new() { HasText = "Bob" })).ToHaveCountAsync(1);

        // Ada sends markup, script and links: Bob sees exactly her text, one safe https link, no element of hers.
        await ada.GetByTestId("chat-input").FillAsync(Payload);
        await ada.GetByTestId("chat-input").PressAsync("Enter");
        var bobsCopy = bob.GetByTestId("chat-message").Filter(new() { HasText = "onerror" });
        await Assertions.Expect(bobsCopy).ToHaveCountAsync(1);
        Assert.Equal(Payload, await bobsCopy.GetByTestId("chat-text").TextContentAsync());
        var chatList = bob.GetByTestId("chat-messages");
        Assert.Equal(0, await chatList.Locator("img, script, iframe, [onerror]").CountAsync());
        var links = bobsCopy.Locator("a");
        await Assertions.Expect(links).ToHaveCountAsync(1);
        Assert.Equal("https://example.org/notes?a=1&b=2", await links.GetAttributeAsync("href"));
        Assert.Equal("noopener noreferrer", await links.GetAttributeAsync("rel"));
        Assert.Equal("_blank", await links.GetAttributeAsync("target"));
        Assert.Equal(0, await bob.Locator("a[href^='javascript:' i]").CountAsync());

        // Bob mentions Ada: her copy is highlighted and she is told.
        await bob.GetByTestId("chat-input").FillAsync("@Ada can you explain the last step?");
        await bob.GetByTestId("chat-input").PressAsync("Enter");
        var mention = ada.GetByTestId("chat-message").Filter(new() { HasText = "explain the last step" });
        await Assertions.Expect(mention).ToHaveAttributeAsync("data-mentions-me", "true");
        await Assertions.Expect(ada.GetByTestId("chat-mention-notice")).ToBeVisibleAsync();
        await Assertions.Expect(ada.GetByTestId("chat-mention-notice")).ToContainTextAsync("Bob mentioned you");
        await Assertions.Expect(mention.Locator(".chat-mention")).ToHaveTextAsync("@Ada");
        // Bob's own copy mentions Ada, not Bob: not highlighted for him.
        await Assertions.Expect(bob.GetByTestId("chat-message").Filter(new() { HasText = "explain the last step" })).ToHaveAttributeAsync("data-mentions-me", "false");

        // Ada reacts and answers in a thread: Bob sees both.
        await mention.HoverAsync();
        await mention.Locator("[data-testid='chat-react'][data-emoji='👍']").ClickAsync();
        await Assertions.Expect(bob.GetByTestId("chat-message").Filter(new() { HasText = "explain the last step" }).GetByTestId("chat-reaction")).ToHaveTextAsync("👍 1");
        await mention.HoverAsync();
        await mention.GetByTestId("chat-reply").ClickAsync();
        await ada.GetByTestId("chat-thread-input").FillAsync("Divide both sides by x.");
        await ada.GetByTestId("chat-thread-input").PressAsync("Enter");
        await Assertions.Expect(ada.GetByTestId("chat-thread-messages").GetByTestId("chat-message")).ToHaveCountAsync(1);
        await Assertions.Expect(bob.GetByTestId("chat-message").Filter(new() { HasText = "explain the last step" }).GetByTestId("chat-reply")).ToHaveTextAsync("1 reply");
        await ada.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("chat-ada") });
        await bob.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("chat-bob") });

        // After a reload the history comes from the server, still as text; and the stored text is the sent text.
        await bob.ReloadAsync();
        await WaitLiveAsync(bob);
        await Assertions.Expect(bob.GetByTestId("chat-message").Filter(new() { HasText = "onerror" }).GetByTestId("chat-text")).ToHaveTextAsync(Payload);
        await using var reader = await RoomClient.ConnectAsync(host, await host.SignInAsync("Reader"));
        await reader.JoinAsync(roomId);
        var stored = await reader.LoadMessagesAsync(roomId);
        Assert.Equal(Payload, stored.Messages[0].Text);

        Assert.Empty(dialogs);
        Assert.Null(await ada.EvaluateAsync<int?>("() => window.__xss ?? null"));
        Assert.Null(await bob.EvaluateAsync<int?>("() => window.__xss ?? null"));
        await ada.Context.CloseAsync();
        await bob.Context.CloseAsync();
    }

    [Fact]
    public async Task OlderMessagesLoadOnScrollAndTheUnreadBadgeCountsWhatArrivesMeanwhile()
    {
        await using var host = await StudyRoomsHost.StartAsync();
        var owner = await host.SignInAsync("Owner");
        var roomId = (await host.CreateRoomAsync(owner, "History")).RoomId;
        var writers = new List<RoomClient>();
        for (var i = 0; i < 12; i++)
        {
            var writer = await RoomClient.ConnectAsync(host, i == 0 ? owner : await host.SignInAsync($"Writer {i}"));
            await writer.JoinAsync(roomId);
            writers.Add(writer);
        }

        // 120 messages: ten per writer, each within the posting burst (P-CHAT-6).
        for (var n = 0; n < 120; n++)
        {
            await writers[n / 10].PostAsync(roomId, $"history {n + 1:000}");
        }

        var bob = await browser.NewPersonAsync();
        await bob.GotoAsync(new Uri(host.BaseAddress, $"/r/{roomId}").ToString());
        await EnterNameAsync(bob, "Bob");
        await WaitLiveAsync(bob);
        var list = bob.GetByTestId("chat-messages");
        await Assertions.Expect(list).ToHaveAttributeAsync("data-count", "50");
        await Assertions.Expect(list).ToHaveAttributeAsync("data-has-more", "true");

        // Scrolling to the top loads the next older page, until the beginning.
        await ScrollChatAsync(bob, top: true);
        await Assertions.Expect(list).ToHaveAttributeAsync("data-count", "100");
        await ScrollChatAsync(bob, top: true);
        await Assertions.Expect(list).ToHaveAttributeAsync("data-count", "120");
        await Assertions.Expect(list).ToHaveAttributeAsync("data-has-more", "false");
        var texts = await list.GetByTestId("chat-text").AllTextContentsAsync();
        Assert.Equal(Enumerable.Range(1, 120).Select(n => $"history {n:000}"), texts);

        // Reading old messages, Bob is not at the bottom: what arrives now is unread.
        await ScrollChatAsync(bob, top: true);
        await writers[1].PostAsync(roomId, "new one");
        await writers[2].PostAsync(roomId, "new two");
        await Assertions.Expect(bob.GetByTestId("chat-unread")).ToHaveTextAsync("2");
        await ScrollChatAsync(bob, top: false);
        await Assertions.Expect(bob.GetByTestId("chat-unread")).ToBeHiddenAsync();

        // After a reload the newest page shows again, and nothing is unread.
        await bob.ReloadAsync();
        await WaitLiveAsync(bob);
        await Assertions.Expect(list).ToHaveAttributeAsync("data-count", "50");
        await Assertions.Expect(bob.GetByTestId("chat-unread")).ToBeHiddenAsync();
        foreach (var writer in writers)
        {
            await writer.DisposeAsync();
        }

        await bob.Context.CloseAsync();
    }

    private static Task ScrollChatAsync(IPage page, bool top) =>
        page.EvaluateAsync(top
            ? "() => { const box = document.querySelector('.chat-panel > .chat-scroll'); box.scrollTop = 0; box.dispatchEvent(new Event('scroll')); }"
            : "() => { const box = document.querySelector('.chat-panel > .chat-scroll'); box.scrollTop = box.scrollHeight; box.dispatchEvent(new Event('scroll')); }");

    private static async Task EnterNameAsync(IPage page, string name)
    {
        await page.GetByTestId("display-name-input").FillAsync(name);
        await page.GetByTestId("display-name-submit").ClickAsync();
    }

    private static Task WaitLiveAsync(IPage page) =>
        Assertions.Expect(page.GetByTestId("connection-status")).ToHaveAttributeAsync("data-state", "live");
}
