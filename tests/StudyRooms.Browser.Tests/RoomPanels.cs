using Microsoft.Playwright;

namespace StudyRooms.Browser.Tests;

/// <summary>
/// The room's side panel (web/src/ui/sidePanel/): people, chat and resources are tabs beside the
/// board, or a bottom sheet opened from the sheet bar on a phone. Tests open the one they use.
/// </summary>
public static class RoomPanels
{
    /// <summary>Shows the <paramref name="tab"/> panel (people, chat or resources) the way a user would.</summary>
    public static async Task OpenPanelAsync(this IPage page, string tab)
    {
        var panel = page.GetByTestId("side-panel");
        if (await panel.GetAttributeAsync("data-mode") == "sheet")
        {
            if (await panel.GetAttributeAsync("data-open") != "true")
            {
                await page.GetByTestId("sheet-open-" + tab).ClickAsync();
            }
        }

        var tabButton = page.GetByTestId("panel-tab-" + tab);
        if (await tabButton.GetAttributeAsync("aria-selected") != "true" || await panel.GetAttributeAsync("data-open") != "true")
        {
            await tabButton.ClickAsync();
        }

        await Assertions.Expect(page.GetByTestId("panel-" + tab)).ToBeVisibleAsync();
    }
}
