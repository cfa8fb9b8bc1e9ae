using Microsoft.Playwright;
using StudyRooms.Testing;

namespace StudyRooms.Browser.Tests;

// Proves the resources panel in a real browser: a member pins a link and uploads a small PNG, and a
// second person sees both live, gets the link as a safe http(s) link, and downloads the very bytes
// that were uploaded (P-RES-3, P-RES-6, P-RES-8, P-RES-9); a wrong file type is refused with a clear
// message and a javascript: link never becomes a link.
[Collection(BrowserCollection.Name)]
public sealed class ResourcesTests(BrowserFixture browser)
{
    [Fact]
    public async Task AMemberPinsALinkAndUploadsAPngThatAnotherPersonSeesAndDownloads()
    {
        await using var host = await StudyRoomsHost.StartAsync();
        var ada = (await WhiteboardPage.CreateRoomAsync(browser, host.BaseAddress, "Biology", "Ada")).Page;
        var link = (await ada.GetByTestId("room-link").TextContentAsync())!.Trim();
        var bob = (await WhiteboardPage.OpenAsync(browser, link, "Bob")).Page;
        await ada.OpenPanelAsync("resources");
        await bob.OpenPanelAsync("resources");

        // Ada pins a link; a javascript: address is refused in the form and never reaches the list.
        await ada.GetByTestId("resource-link-url").FillAsync("javascript:alert(1)");
        await ada.GetByTestId("resource-link-add").ClickAsync();
        await Assertions.Expect(ada.GetByTestId("resource-error")).ToContainTextAsync("http://");
        await ada.GetByTestId("resource-link-url").FillAsync("https://example.org/cells");
        await ada.GetByTestId("resource-link-title").FillAsync("Cell biology notes");
        await ada.GetByTestId("resource-link-add").ClickAsync();

        // Ada uploads a PNG; a file whose content is not its name's type is refused with a clear message.
        await ada.GetByTestId("resource-file-input").SetInputFilesAsync(new FilePayload { Name = "fake.png", MimeType = "image/png", Buffer = TestFiles.Html() });
        await Assertions.Expect(ada.GetByTestId("resource-error")).ToContainTextAsync("not allowed");
        var png = TestFiles.Png(4, 3);
        await ada.GetByTestId("resource-file-input").SetInputFilesAsync(new FilePayload { Name = "mitosis.png", MimeType = "image/png", Buffer = png });
        await Assertions.Expect(ada.GetByTestId("resource-item")).ToHaveCountAsync(2);

        // Bob sees both, live, newest first: the file, then the link.
        var items = bob.GetByTestId("resource-item");
        await Assertions.Expect(items).ToHaveCountAsync(2);
        await Assertions.Expect(items.Nth(0)).ToHaveAttributeAsync("data-kind", "file");
        await Assertions.Expect(items.Nth(1)).ToHaveAttributeAsync("data-kind", "link");
        var pinned = bob.GetByTestId("resource-link");
        await Assertions.Expect(pinned).ToHaveTextAsync("Cell biology notes");
        Assert.Equal("https://example.org/cells", await pinned.GetAttributeAsync("href"));
        Assert.Equal("noopener noreferrer", await pinned.GetAttributeAsync("rel"));
        Assert.Equal(0, await bob.Locator("a[href^='javascript:' i]").CountAsync());
        // Bob is a member, not the adder: he may not remove Ada's items.
        Assert.Equal(0, await bob.GetByTestId("resource-remove").CountAsync());

        // Bob downloads the file: the same bytes Ada uploaded.
        var download = await bob.RunAndWaitForDownloadAsync(() => bob.GetByTestId("resource-download").ClickAsync());
        Assert.Equal("mitosis.png", download.SuggestedFilename);
        var saved = await download.PathAsync();
        Assert.Equal(png, await File.ReadAllBytesAsync(saved));
        await bob.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("resources-bob") });

        // Ada removes her link; Bob's list follows.
        await ada.GetByTestId("resource-item").Filter(new() { HasText = "Cell biology notes" }).GetByTestId("resource-remove").ClickAsync();
        await Assertions.Expect(items).ToHaveCountAsync(1);
        await ada.Context.CloseAsync();
        await bob.Context.CloseAsync();
    }
}
