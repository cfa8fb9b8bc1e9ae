using Microsoft.Playwright;
using StudyRooms.Testing;

namespace StudyRooms.Browser.Tests;

// A password account in the real browser: Ada creates one from the name prompt, creates a room,
// signs in on another "device" (a fresh browser context) and is the same person there, listed once
// in her room (P-ACCT-1, P-ACCT-2).
[Collection(BrowserCollection.Name)]
public sealed class AccountTests(BrowserFixture browser)
{
    [Fact]
    public async Task AnAccountMadeOnOneDeviceSignsInOnAnotherAsTheSamePerson()
    {
        await using var host = await StudyRoomsHost.StartAsync(StudyRoomsHost.NewDataDirectory());
        var username = "ada_" + Guid.NewGuid().ToString("N")[..8];

        var laptop = await browser.NewPersonAsync();
        await laptop.GotoAsync(host.BaseAddress.ToString());
        await laptop.GetByTestId("account-mode-register").ClickAsync();
        await laptop.GetByTestId("display-name-input").FillAsync("Ada");
        await laptop.GetByTestId("username-input").FillAsync(username);
        await laptop.GetByTestId("password-input").FillAsync("short");
        await laptop.GetByTestId("display-name-submit").ClickAsync();
        await Assertions.Expect(laptop.Locator("#display-name-error")).ToContainTextAsync("8 to 128");
        await laptop.GetByTestId("password-input").FillAsync("correct horse battery");
        await laptop.GetByTestId("display-name-submit").ClickAsync();
        await laptop.GetByTestId("room-name-input").FillAsync("Ada's algebra");
        await laptop.GetByTestId("create-room-submit").ClickAsync();
        await Assertions.Expect(laptop.GetByTestId("connection-status")).ToHaveAttributeAsync("data-state", "live");
        var link = (await laptop.GetByTestId("room-link").TextContentAsync())!.Trim();

        var phone = await browser.NewPersonAsync();
        await phone.GotoAsync(link);
        await phone.GetByTestId("account-mode-signin").ClickAsync();
        await phone.GetByTestId("username-input").FillAsync(username.ToUpperInvariant());
        await phone.GetByTestId("password-input").FillAsync("wrong password");
        await phone.GetByTestId("display-name-submit").ClickAsync();
        await Assertions.Expect(phone.Locator("#display-name-error")).ToContainTextAsync("Username or password is wrong");
        await phone.GetByTestId("password-input").FillAsync("correct horse battery");
        await phone.GetByTestId("display-name-submit").ClickAsync();
        await Assertions.Expect(phone.GetByTestId("connection-status")).ToHaveAttributeAsync("data-state", "live");

        // One person on two devices: listed once, by the account's name, on both.
        await Assertions.Expect(laptop.GetByTestId("participant")).ToHaveCountAsync(1);
        await Assertions.Expect(phone.GetByTestId("participant")).ToHaveCountAsync(1);
        await Assertions.Expect(phone.GetByTestId("participant")).ToContainTextAsync("Ada");
        await phone.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("account-second-device") });
        await laptop.Context.CloseAsync();
        await phone.Context.CloseAsync();
    }
}
