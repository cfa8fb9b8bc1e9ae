using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;
using StudyRooms.Contracts.Accounts;
using StudyRooms.Contracts.Resources;
using StudyRooms.Testing;

namespace StudyRooms.Browser.Tests;

// Proves an open room page follows a user's account deletion without a reload (P-ACCT-5): the
// user's chat message and pinned note show "Deleted user" where their name was, and they leave the
// people list, while other people's names stay.
[Collection(BrowserCollection.Name)]
public sealed class DeletedUserPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task AnOpenPageShowsTheMarkerInPlaceOfAUserWhoDeletedTheirAccount_P_ACCT_5()
    {
        await using var host = await StudyRoomsHost.StartAsync();
        var ada = await WhiteboardPage.CreateRoomAsync(browser, host.BaseAddress, "Optics", "Ada");
        var page = ada.Page;
        var roomId = new Uri(page.Url).AbsolutePath.Split('/')[^1];
        var zedUser = await host.SignInAsync("Zed Quill");
        await using var zed = await RoomClient.ConnectAsync(host, zedUser);
        await zed.JoinAsync(roomId);
        await zed.PostAsync(roomId, "notes on lenses");
        await zed.Connection.InvokeAsync<ResourceItem>("PinResource", new PinResourceRequest { RoomId = roomId, Kind = ResourceKind.Note, Text = "Snell's law" });
        await page.GetByTestId("chat-input").FillAsync("thanks");
        await page.GetByTestId("chat-input").PressAsync("Enter");

        await page.OpenPanelAsync("chat");
        var zedsMessage = page.GetByTestId("chat-message").Filter(new() { HasText = "notes on lenses" });
        await Assertions.Expect(zedsMessage.Locator(".chat-author")).ToHaveTextAsync("Zed Quill");
        await page.OpenPanelAsync("people");
        await Assertions.Expect(page.GetByTestId("participant").Filter(new() { HasText = "Zed Quill" })).ToHaveCountAsync(1);

        using (var http = host.CreateHttpClient(zedUser))
        {
            var response = await http.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/me") { Content = JsonContent.Create(new DeleteMeRequest { DisplayName = "Zed Quill" }, options: ServerClient.Json) });
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        }

        await Assertions.Expect(page.GetByTestId("participant").Filter(new() { HasText = "Zed Quill" })).ToHaveCountAsync(0);
        await page.OpenPanelAsync("chat");
        await Assertions.Expect(zedsMessage.Locator(".chat-author")).ToHaveTextAsync("Deleted user");
        var adasMessage = page.GetByTestId("chat-message").Filter(new() { HasText = "thanks" });
        await Assertions.Expect(adasMessage.Locator(".chat-author")).ToHaveTextAsync("Ada");
        await page.OpenPanelAsync("resources");
        var note = page.GetByTestId("resources-list").Locator("li").Filter(new() { HasText = "Snell's law" });
        await Assertions.Expect(note).ToContainTextAsync("Deleted user");
        await Assertions.Expect(note).Not.ToContainTextAsync("Zed Quill");
        await page.Context.CloseAsync();
    }
}
