namespace StudyRooms.Browser.Tests;

/// <summary>
/// The opening of the two-person board tests: Ada creates a room, Bob opens its link, and Ada draws
/// a rectangle at (200, 150)–(320, 230) and an ellipse at (500, 150)–(620, 230) that Bob's page holds.
/// </summary>
public sealed record TwoShapesRoom(WhiteboardPage Ada, WhiteboardPage Bob, string Link)
{
    /// <summary>The room id, the last segment of <see cref="Link"/>.</summary>
    public string RoomId => new Uri(Link).Segments[^1];

    public static async Task<TwoShapesRoom> StartAsync(BrowserFixture browser, Uri baseAddress, string roomName)
    {
        var ada = await WhiteboardPage.CreateRoomAsync(browser, baseAddress, roomName, "Ada");
        var link = (await ada.Page.GetByTestId("room-link").TextContentAsync())!.Trim();
        var bob = await WhiteboardPage.OpenAsync(browser, link, "Bob");

        await ada.ToolAsync("rectangle");
        await ada.DragAsync(200, 150, 320, 230);
        await ada.ToolAsync("ellipse");
        await ada.DragAsync(500, 150, 620, 230);
        await bob.WaitForModelAsync("els.length === 2");
        return new TwoShapesRoom(ada, bob, link);
    }
}
